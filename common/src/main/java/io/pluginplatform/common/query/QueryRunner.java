package io.pluginplatform.common.query;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;

/**
 * Runs translated queries. Every call carries the query's time limit ({@code maxTimeMS}); a call that exceeds it is a
 * 504 {@code ERROR_QUERY_TIMEOUT}, an unreachable database a 503, and any other database error — which a validated
 * query can only cause by asking for something the database refuses — a 400 whose reason never repeats the database's
 * message. The embedded store ignores {@code maxTimeMS}.
 *
 * <p>Given an executor, a list counts its matches while it reads its page, so that a page costs one database round
 * trip of time rather than two (the embedded store scans a collection for each). A count whose answer the page already
 * gives is left to finish unused; an executor that refuses the work makes the count run after the page.
 */
public final class QueryRunner {

    private static final Logger log = LoggerFactory.getLogger(QueryRunner.class);
    /** MongoDB's error code for {@code MaxTimeMSExpired}. */
    static final int MAX_TIME_EXPIRED = 50;

    private final MongoOperations mongo;
    /** Where a list's count runs while its page is read; {@code null}: after the page, on the caller's thread. */
    private final Executor counts;

    /** A runner that counts after it reads a page. */
    public QueryRunner(MongoOperations mongo) {
        this(mongo, null);
    }

    /** @param counts where a list's count runs while its page is read, or {@code null} to count after the page */
    public QueryRunner(MongoOperations mongo, Executor counts) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.counts = counts;
    }

    /** The page of documents and the total count (one count call, skipped when the page already tells it). */
    public ListResult list(MongoQuery query, String collection) {
        return run(query.maxTime(), () -> {
            if (!query.returnsDocuments()) {
                return new ListResult(List.of(), mongo.count(query.countQuery(), collection));
            }
            CompletableFuture<Long> count = concurrentCount(query, collection);
            List<Document> documents = mongo.find(query.query(), Document.class, collection);
            boolean lastPage = documents.size() < query.limit() && (query.skip() == 0 || !documents.isEmpty());
            if (lastPage) {
                return new ListResult(documents, query.skip() + documents.size());
            }
            long total = count != null ? count.join() : mongo.count(query.countQuery(), collection);
            return new ListResult(documents, total);
        });
    }

    /** The count of a list, started on the executor; {@code null} without an executor or when it refuses the work. */
    private CompletableFuture<Long> concurrentCount(MongoQuery query, String collection) {
        if (counts == null) {
            return null;
        }
        try {
            return CompletableFuture.supplyAsync(() -> mongo.count(query.countQuery(), collection), counts);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** The rows (documents, or values for a distinct) and, when the query has a page, the count of all rows. */
    public StatResult stat(StatisticsPlan plan, String collection) {
        List<Object> rows = plan.rows() == null ? List.of() : rows(plan, collection);
        Long total = plan.count() == null ? null : count(plan.count(), collection);
        return new StatResult(rows, total);
    }

    /** The sorted distinct values of a {@code distinct} plan (of its page, when it has one). */
    public List<Object> distinct(StatisticsPlan plan, String collection) {
        if (!plan.distinct()) {
            throw new IllegalArgumentException("not a distinct plan");
        }
        return plan.rows() == null ? List.of() : rows(plan, collection);
    }

    private List<Object> rows(StatisticsPlan plan, String collection) {
        List<Document> documents = run(
                maxTime(plan.rows()),
                () -> mongo.aggregate(plan.rows(), collection, Document.class).getMappedResults());
        List<Object> rows = new ArrayList<>(documents.size());
        for (Document document : documents) {
            rows.add(plan.distinct() ? document.get("_id") : document);
        }
        return rows;
    }

    private long count(Aggregation count, String collection) {
        List<Document> documents = run(
                maxTime(count),
                () -> mongo.aggregate(count, collection, Document.class).getMappedResults());
        if (documents.isEmpty()) {
            return 0;
        }
        Object total = documents.get(0).get(StatisticsPlan.TOTAL_COUNT);
        return total instanceof Number number ? number.longValue() : 0;
    }

    private static Duration maxTime(Aggregation aggregation) {
        Duration maxTime = aggregation.getOptions().getMaxTime();
        return maxTime == null ? QueryTranslator.DEFAULT_MAX_TIME : maxTime;
    }

    private static <T> T run(Duration maxTime, Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException | MongoException e) {
            throw failure(e, maxTime);
        } catch (CompletionException e) {
            if (e.getCause() instanceof DataAccessException || e.getCause() instanceof MongoException) {
                throw failure((RuntimeException) e.getCause(), maxTime);
            }
            throw e;
        }
    }

    /** The platform error for a database failure; the database's own message goes to the log only. */
    static PlatformException failure(RuntimeException e, Duration maxTime) {
        if (timedOut(e)) {
            log.warn("Query exceeded its time limit of {} ms", maxTime.toMillis());
            return PlatformException.of(ErrorCode.ERROR_QUERY_TIMEOUT, "max_time_ms", maxTime.toMillis());
        }
        if (unavailable(e)) {
            log.warn("Query failed, the database is unavailable: {}", e.toString());
            return PlatformException.of(ErrorCode.ERROR_SERVICE_UNAVAILABLE, "reason", "the database is unavailable");
        }
        log.info("The database rejected a query: {}", e.toString());
        return PlatformException.invalid("query", "the database cannot run this query");
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoExecutionTimeoutException
                    || t instanceof MongoOperationTimeoutException
                    || t instanceof QueryTimeoutException
                    || t instanceof MongoException mongoException && mongoException.getCode() == MAX_TIME_EXPIRED) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
