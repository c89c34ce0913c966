package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.PLUGINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;

/** How the runner reports database failures: time limits as 504, outages as 503, the rest as 400 — never a 500. */
class QueryRunnerErrorsTest {

    private static final Duration MAX_TIME = Duration.ofSeconds(5);

    private static MongoCommandException serverError(int code, String message) {
        BsonDocument response = new BsonDocument("ok", new BsonInt32(0))
                .append("code", new BsonInt32(code))
                .append("errmsg", new BsonString(message));
        return new MongoCommandException(response, new ServerAddress());
    }

    private static PlatformException failure(RuntimeException e) {
        return QueryRunner.failure(e, MAX_TIME);
    }

    @Test
    void anExecutionTimeoutIsAQueryTimeout() {
        PlatformException e = failure(new MongoExecutionTimeoutException(50, "operation exceeded time limit"));

        assertThat(e.code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT);
        assertThat(e.code().status().value()).isEqualTo(504);
        assertThat(e.arguments()).containsEntry("max_time_ms", "5000");
    }

    @Test
    void anUncategorizedErrorWithCode50IsAQueryTimeout() {
        RuntimeException wrapped = new UncategorizedMongoDbException("x", serverError(50, "MaxTimeMSExpired"));

        assertThat(failure(wrapped).code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT);
    }

    @Test
    void springsQueryTimeoutIsAQueryTimeout() {
        assertThat(failure(new QueryTimeoutException("x")).code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT);
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() {
        assertThat(failure(new DataAccessResourceFailureException(
                                "x", new MongoSocketException("down", new ServerAddress())))
                        .code())
                .isEqualTo(ErrorCode.ERROR_SERVICE_UNAVAILABLE);
        assertThat(failure(new MongoTimeoutException("no server")).code())
                .isEqualTo(ErrorCode.ERROR_SERVICE_UNAVAILABLE);
    }

    @Test
    void anyOtherDatabaseErrorIsA400WithoutTheDatabaseMessage() {
        RuntimeException rejected =
                new InvalidDataAccessApiUsageException("x", serverError(2, "unknown operator: $secret-detail"));

        PlatformException e = failure(rejected);

        assertThat(e.code()).isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER);
        assertThat(e.getMessage()).doesNotContain("secret-detail").doesNotContain("$");
    }

    @Test
    void listMapsATimeoutOfTheFindTo504() {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.find(any(), eq(Document.class), anyString()))
                .thenThrow(new UncategorizedMongoDbException("x", serverError(50, "MaxTimeMSExpired")));
        MongoQuery query = new QueryTranslator(CLOCK).translate(null, PLUGINS, new Criteria());

        assertThatThrownBy(() -> new QueryRunner(mongo).list(query, "plugins"))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT));
    }

    @Test
    void listMapsATimeoutOfTheCountTo504() {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.count(any(), anyString())).thenThrow(new MongoExecutionTimeoutException(50, "time"));
        MongoQuery query = new QueryTranslator(CLOCK)
                .translate(new Query(null, null, null, null, null, null, true, null), PLUGINS, new Criteria());

        assertThatThrownBy(() -> new QueryRunner(mongo).list(query, "plugins"))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT));
    }

    @Test
    void listMapsATimeoutOfACountRunningWhileThePageIsReadTo504() {
        MongoOperations mongo = mock(MongoOperations.class);
        MongoQuery query = new QueryTranslator(CLOCK).translate(null, PLUGINS, new Criteria());
        List<Document> fullPage = Collections.nCopies(query.limit(), new Document());
        when(mongo.find(any(), eq(Document.class), anyString())).thenReturn(fullPage);
        when(mongo.count(any(), anyString())).thenThrow(new MongoExecutionTimeoutException(50, "time"));
        ExecutorService counts = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> new QueryRunner(mongo, counts).list(query, "plugins"))
                    .isInstanceOfSatisfying(
                            PlatformException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT));
        } finally {
            counts.shutdownNow();
        }
    }

    @Test
    void statMapsATimeoutOfTheAggregationTo504() {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.aggregate(any(Aggregation.class), anyString(), eq(Document.class)))
                .thenThrow(new QueryTimeoutException("time"));
        StatisticsPlan plan = new StatisticsTranslator(CLOCK, Duration.ofMillis(250))
                .translate(
                        new StatisticsQuery(null, null, List.of(Map.of("count", Map.of("name", "n"))), null, null),
                        PLUGINS,
                        new Criteria());

        assertThatThrownBy(() -> new QueryRunner(mongo).stat(plan, "plugins"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ERROR_QUERY_TIMEOUT);
                    assertThat(e.arguments()).containsEntry("max_time_ms", "250");
                });
    }
}
