package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.PLUGINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/** The runner against the embedded store the services use by default. */
class QueryRunnerTest {

    private static final String PLUGINS_COLLECTION = "plugins";
    private static final Criteria DOMAIN = Criteria.where("domain_id").is("d1");

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static QueryRunner runner;

    private final QueryTranslator translator = new QueryTranslator(CLOCK);
    private final StatisticsTranslator statistics = new StatisticsTranslator(CLOCK);

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "test");
        runner = new QueryRunner(mongo);
        insert(plugin("jira-noti", "Jira Notification", "atlassian", "ENABLED", 10, "2024-05-01T08:00:00Z")
                .append("labels", List.of("jira", "notification"))
                .append("tags", new Document("icon", "jira.png"))
                .append("endpoints", List.of(new Document("region", "eu").append("port", 443))));
        insert(plugin("slack-noti", "Slack Notification", "slack", "ENABLED", 20, "2024-05-10T08:00:00Z")
                .append("labels", List.of("slack", "notification"))
                .append("tags", new Document("icon", "slack.png")));
        insert(plugin("aws-cloudwatch", "AWS CloudWatch", "aws", "DISABLED", 30, "2024-05-14T08:00:00Z")
                .append("labels", List.of("monitoring"))
                .append("endpoints", List.of(new Document("region", "us").append("port", 80))));
        insert(plugin("aws-sns", "AWS SNS", "aws", "ENABLED", 5, "2024-04-01T08:00:00Z")
                .append("labels", List.of("notification")));
        insert(plugin("gcp-monitor", "GCP Monitor", "gcp", "ENABLED", 15, "2024-05-15T09:00:00Z")
                .append("labels", List.of()));
        insert(plugin("other-domain", "Jira Elsewhere", "aws", "ENABLED", 1, "2024-05-15T09:00:00Z")
                .append("domain_id", "d2"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdown();
    }

    private static Document plugin(String id, String name, String provider, String state, int size, String created) {
        return new Document("plugin_id", id)
                .append("name", name)
                .append("provider", provider)
                .append("state", state)
                .append("size", size)
                .append("created_at", Date.from(Instant.parse(created)))
                .append("domain_id", "d1");
    }

    private static void insert(Document document) {
        mongo.insert(document, PLUGINS_COLLECTION);
    }

    private ListResult list(Query query) {
        return runner.list(translator.translate(query, PLUGINS, DOMAIN), PLUGINS_COLLECTION);
    }

    private static List<Object> ids(ListResult result) {
        return result.documents().stream().map(d -> d.get("plugin_id")).toList();
    }

    private static Query filter(Condition... conditions) {
        return new Query(List.of(conditions), null, List.of(SortKey.asc("plugin_id")), null, null, null, null, null);
    }

    private StatResult stat(StatisticsQuery query) {
        return runner.stat(statistics.translate(query, PLUGINS, DOMAIN), PLUGINS_COLLECTION);
    }

    private static StatisticsQuery aggregate(Page page, Map<String, Object>... stages) {
        return new StatisticsQuery(null, null, List.of(stages), null, page);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // list

    @Test
    void listReturnsOnlyTheScopedDocumentsWithTheirTotal() {
        ListResult result = list(Query.empty());

        assertThat(result.documents()).hasSize(5);
        assertThat(result.totalCount()).isEqualTo(5);
        assertThat(ids(result)).doesNotContain("other-domain");
    }

    @Test
    void listFiltersSortsAndPagesWithATotalThatIgnoresThePage() {
        Query query = new Query(
                List.of(new Condition("provider", List.of("aws", "gcp"), "in")),
                null,
                List.of(SortKey.desc("size")),
                new Page(2, 1),
                null,
                null,
                null,
                null);

        ListResult result = list(query);

        assertThat(ids(result)).containsExactly("gcp-monitor");
        assertThat(result.totalCount()).isEqualTo(3);
    }

    @Test
    void aRunnerThatCountsWhileItReadsGivesTheSameTotals() {
        ExecutorService counts = Executors.newFixedThreadPool(2);
        try {
            QueryRunner concurrent = new QueryRunner(mongo, counts);
            for (Page page : List.of(new Page(1, 2), new Page(2, 1), new Page(4, 10), new Page(10, 10))) {
                MongoQuery query = translator.translate(Query.empty().withPage(page), PLUGINS, DOMAIN);

                ListResult sequential = runner.list(query, PLUGINS_COLLECTION);
                ListResult overlapped = concurrent.list(query, PLUGINS_COLLECTION);

                assertThat(overlapped.totalCount()).as("total of %s", page).isEqualTo(sequential.totalCount());
                assertThat(overlapped.documents()).as("page %s", page).isEqualTo(sequential.documents());
            }
        } finally {
            counts.shutdownNow();
        }
    }

    @Test
    void theTotalIsCountedWhenThePageIsPastTheEnd() {
        ListResult result = list(Query.empty().withPage(new Page(10, 10)));

        assertThat(result.documents()).isEmpty();
        assertThat(result.totalCount()).isEqualTo(5);
    }

    @Test
    void theTotalOfAPartialLastPageIsExact() {
        ListResult result = list(Query.empty().withPage(new Page(4, 10)));

        assertThat(result.documents()).hasSize(2);
        assertThat(result.totalCount()).isEqualTo(5);
    }

    @Test
    void twoConditionsOnTheSameKeyRunTogether() {
        ListResult result = list(filter(new Condition("size", 5, "gt"), new Condition("size", "30", "lt")));

        assertThat(ids(result)).containsExactly("gcp-monitor", "jira-noti", "slack-noti");
    }

    static List<Arguments> operators() {
        return List.of(
                Arguments.of(new Condition("provider", "aws", "eq"), List.of("aws-cloudwatch", "aws-sns")),
                Arguments.of(new Condition("size", "10", null), List.of("jira-noti")),
                Arguments.of(
                        new Condition("tags.icon", "jira.png", "not"),
                        List.of("aws-cloudwatch", "aws-sns", "gcp-monitor", "slack-noti")),
                Arguments.of(new Condition("size", 10, "lt"), List.of("aws-sns")),
                Arguments.of(new Condition("size", 10, "lte"), List.of("aws-sns", "jira-noti")),
                Arguments.of(new Condition("size", 20, "gt"), List.of("aws-cloudwatch")),
                Arguments.of(new Condition("size", 20, "gte"), List.of("aws-cloudwatch", "slack-noti")),
                Arguments.of(new Condition("tags", true, "exists"), List.of("jira-noti", "slack-noti")),
                Arguments.of(new Condition("name", "NOTI", "contain"), List.of("jira-noti", "slack-noti")),
                Arguments.of(new Condition("name", "a", "not_contain"), List.of("gcp-monitor")),
                Arguments.of(new Condition("name", ".", "contain"), List.of()),
                Arguments.of(
                        new Condition("labels", "notification", "eq"), List.of("aws-sns", "jira-noti", "slack-noti")),
                Arguments.of(
                        new Condition("labels", List.of("jira", "monitoring"), "in"),
                        List.of("aws-cloudwatch", "jira-noti")),
                Arguments.of(
                        new Condition("provider", List.of("aws", "slack"), "not_in"),
                        List.of("gcp-monitor", "jira-noti")),
                Arguments.of(
                        new Condition("name", List.of("jira", "WATCH"), "contain_in"),
                        List.of("aws-cloudwatch", "jira-noti")),
                Arguments.of(new Condition("name", List.of("noti", "aws"), "not_contain_in"), List.of("gcp-monitor")),
                Arguments.of(
                        new Condition("endpoints", Map.of("region", "eu", "port", 443), "match"), List.of("jira-noti")),
                Arguments.of(new Condition("name", "^aws\\s", "regex"), List.of("aws-cloudwatch", "aws-sns")),
                Arguments.of(
                        new Condition("plugin_id", List.of("^gcp", "noti$"), "regex_in"),
                        List.of("gcp-monitor", "jira-noti", "slack-noti")),
                Arguments.of(
                        new Condition("created_at", "2024-05-10T08:00:00Z", "datetime_gte"),
                        List.of("aws-cloudwatch", "gcp-monitor", "slack-noti")),
                Arguments.of(
                        new Condition("created_at", "2024-05-10T08:00:00Z", "datetime_gt"),
                        List.of("aws-cloudwatch", "gcp-monitor")),
                Arguments.of(
                        new Condition("created_at", "2024-05-01T08:00:00Z", "datetime_lte"),
                        List.of("aws-sns", "jira-noti")),
                Arguments.of(new Condition("created_at", "2024-05-01T08:00:00Z", "datetime_lt"), List.of("aws-sns")),
                Arguments.of(new Condition("created_at", "now/d", "timediff_gte"), List.of("gcp-monitor")),
                Arguments.of(
                        new Condition("created_at", "now/d - 1d", "timediff_gt"),
                        List.of("aws-cloudwatch", "gcp-monitor")),
                Arguments.of(new Condition("created_at", "now/m", "timediff_lt"), List.of("aws-sns")),
                Arguments.of(
                        new Condition("created_at", "now/w", "timediff_lte"),
                        List.of("aws-sns", "jira-noti", "slack-noti")));
    }

    @ParameterizedTest
    @MethodSource("operators")
    void everyOperatorRunsOnTheEmbeddedStore(Condition condition, List<String> expected) {
        assertThat(ids(list(filter(condition)))).containsExactlyElementsOf(expected);
    }

    @Test
    void filterOrMatchesAnyAlternative() {
        Query query = new Query(
                List.of(new Condition("state", "ENABLED", null)),
                List.of(new Condition("provider", "gcp", null), new Condition("size", 10, "lte")),
                List.of(SortKey.asc("plugin_id")),
                null,
                null,
                null,
                null,
                null);

        assertThat(ids(list(query))).containsExactly("aws-sns", "gcp-monitor", "jira-noti");
    }

    @Test
    void keywordMatchesAnyWordInAnyKeywordField() {
        Query query =
                new Query(null, null, List.of(SortKey.asc("plugin_id")), null, null, null, null, "CloudWatch slack");

        assertThat(ids(list(query))).containsExactly("aws-cloudwatch", "slack-noti");
    }

    @Test
    void keywordSearchesListFieldsToo() {
        Query query = new Query(null, null, List.of(SortKey.asc("plugin_id")), null, null, null, null, "monitoring");

        assertThat(ids(list(query))).containsExactly("aws-cloudwatch");
    }

    @Test
    void countOnlyReturnsTheTotalWithoutDocuments() {
        ListResult result = list(
                new Query(List.of(new Condition("state", "ENABLED", null)), null, null, null, null, null, true, null));

        assertThat(result.documents()).isEmpty();
        assertThat(result.totalCount()).isEqualTo(4);
    }

    @Test
    void onlyReturnsTheRequestedFieldsAndTheSortKeys() {
        ListResult result = list(new Query(
                null, null, List.of(SortKey.desc("size")), new Page(1, 1), List.of("name"), null, null, null));

        assertThat(result.documents().get(0)).containsOnlyKeys("_id", "name", "size");
        assertThat(result.documents().get(0).get("name")).isEqualTo("AWS CloudWatch");
    }

    @Test
    void minimalReturnsTheMinimalFields() {
        ListResult result = list(new Query(null, null, null, new Page(1, 1), null, true, null, null));

        assertThat(result.documents().get(0)).containsOnlyKeys("_id", "plugin_id", "name", "state", "provider");
    }

    // stat

    @Test
    void groupCountsRowsPerKeyAsFlatRowsWithATotal() {
        StatResult result = stat(aggregate(
                new Page(null, 2),
                map(
                        "group",
                        map(
                                "keys", List.of(map("key", "provider", "name", "provider")),
                                "fields", List.of(map("operator", "count", "name", "count")))),
                map("sort", List.of(map("key", "count", "desc", true), map("key", "provider")))));

        assertThat(result.results())
                .containsExactly(
                        new Document("provider", "aws").append("count", 2),
                        new Document("provider", "atlassian").append("count", 1));
        assertThat(result.totalCount()).isEqualTo(4);
    }

    @Test
    void groupComputesEveryAccumulator() {
        StatResult result = stat(aggregate(
                null,
                map("sort", List.of(map("key", "size"))),
                map(
                        "group",
                        map(
                                "keys",
                                List.of(map("key", "state", "name", "state")),
                                "fields",
                                List.of(
                                        map("operator", "sum", "key", "size", "name", "sum"),
                                        map("operator", "average", "key", "size", "name", "avg"),
                                        map("operator", "max", "key", "size", "name", "max"),
                                        map("operator", "min", "key", "size", "name", "min"),
                                        map("operator", "first", "key", "plugin_id", "name", "first"),
                                        map("operator", "last", "key", "plugin_id", "name", "last"),
                                        map("operator", "push", "key", "provider", "name", "providers"),
                                        map("operator", "add_to_set", "key", "provider", "name", "distinct")))),
                map("match", List.of(map("k", "state", "v", "ENABLED")))));

        assertThat(result.results()).hasSize(1);
        Document row = (Document) result.results().get(0);
        assertThat(row.get("state")).isEqualTo("ENABLED");
        assertThat(((Number) row.get("sum")).longValue()).isEqualTo(50);
        assertThat(((Number) row.get("avg")).doubleValue()).isEqualTo(12.5);
        assertThat(row.get("max")).isEqualTo(20);
        assertThat(row.get("min")).isEqualTo(5);
        assertThat(row.get("first")).isEqualTo("aws-sns");
        assertThat(row.get("last")).isEqualTo("slack-noti");
        assertThat(row.getList("providers", String.class)).containsExactly("aws", "atlassian", "gcp", "slack");
        assertThat(row.getList("distinct", String.class)).containsExactlyInAnyOrder("aws", "atlassian", "gcp", "slack");
        assertThat(result.totalCount()).isNull();
    }

    @Test
    void unwindThenGroupCountsListElements() {
        StatResult result = stat(aggregate(
                null,
                map("unwind", map("path", "labels")),
                map(
                        "group",
                        map(
                                "keys", List.of(map("key", "labels", "name", "label")),
                                "fields", List.of(map("operator", "count", "name", "n")))),
                map("match", List.of(map("k", "n", "v", "1", "o", "gt")))));

        assertThat(result.results()).containsExactly(new Document("label", "notification").append("n", 3));
    }

    @Test
    void groupByMonthFormatsTheTimestamp() {
        StatResult result = stat(aggregate(
                null,
                map(
                        "group",
                        map(
                                "keys", List.of(map("key", "created_at", "name", "month", "date_format", "month")),
                                "fields", List.of(map("operator", "count", "name", "n")))),
                map("sort", List.of(map("key", "month")))));

        assertThat(result.results())
                .containsExactly(
                        new Document("month", "2024-04").append("n", 1),
                        new Document("month", "2024-05").append("n", 4));
    }

    @Test
    void groupByDayOfWeekWorksOnTheEmbeddedStore() {
        StatResult result = stat(aggregate(
                null,
                map("match", List.of(map("k", "plugin_id", "v", "gcp-monitor"))),
                map(
                        "group",
                        map(
                                "keys",
                                List.of(map("key", "created_at", "name", "day", "date_format", "%Y-%m-%d (%w)"))))));

        assertThat(result.results()).containsExactly(new Document("day", "2024-05-15 (4)"));
    }

    @Test
    void projectComputesFieldsAndCountCountsRows() {
        StatResult projected = stat(aggregate(
                null,
                map("match", List.of(map("k", "plugin_id", "v", "jira-noti"))),
                map(
                        "project",
                        map(
                                "fields",
                                List.of(
                                        map("key", "name", "name", "title"),
                                        map("key", "labels", "name", "label_count", "operator", "size"),
                                        map("key", "size", "name", "half", "operator", "divide", "value", 2))))));
        StatResult counted = stat(aggregate(null, map("skip", 1), map("limit", 10), map("count", map("name", "rows"))));

        assertThat(projected.results())
                .containsExactly(new Document("title", "Jira Notification")
                        .append("label_count", 2)
                        .append("half", 5.0));
        assertThat(counted.results()).containsExactly(new Document("rows", 4));
    }

    @Test
    void aPageLimitOfZeroOnlyCountsRows() {
        StatResult result =
                stat(aggregate(new Page(null, 0), map("group", map("keys", List.of(map("key", "provider"))))));

        assertThat(result.results()).isEmpty();
        assertThat(result.totalCount()).isEqualTo(4);
    }

    @Test
    void distinctReturnsTheSortedValues() {
        StatisticsPlan plan =
                statistics.translate(new StatisticsQuery(null, null, null, "provider", null), PLUGINS, DOMAIN);

        assertThat(runner.distinct(plan, PLUGINS_COLLECTION)).containsExactly("atlassian", "aws", "gcp", "slack");
        assertThat(runner.stat(plan, PLUGINS_COLLECTION).results()).containsExactly("atlassian", "aws", "gcp", "slack");
    }

    @Test
    void distinctOfAListReturnsItsElementsPaged() {
        StatResult result = stat(new StatisticsQuery(null, null, null, "labels", new Page(2, 2)));

        assertThat(result.results()).containsExactly("monitoring", "notification");
        assertThat(result.totalCount()).isEqualTo(4);
    }

    @Test
    void distinctHonoursTheFilter() {
        StatResult result =
                stat(new StatisticsQuery(List.of(Condition.eq("state", "DISABLED")), null, null, "provider", null));

        assertThat(result.results()).containsExactly("aws");
    }

    @Test
    void aPipelineTheStoreRejectsIsA400WithoutTheStoresMessage() {
        StatisticsQuery query = aggregate(
                null,
                map("group", map("keys", List.of(map("key", "created_at", "name", "week", "date_format", "%U")))));

        assertThatThrownBy(() -> stat(query)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER);
            assertThat(e.getMessage()).doesNotContain("format").doesNotContain("%U");
        });
    }
}
