package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.PLUGINS;
import static io.pluginplatform.common.query.Catalogues.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;

class StatisticsTranslatorTest {

    private final StatisticsTranslator translator = new StatisticsTranslator(CLOCK);

    private StatisticsPlan translate(StatisticsQuery query) {
        return translator.translate(query, PLUGINS, new Criteria());
    }

    private List<Document> pipeline(Object... stages) {
        return translate(aggregate(null, stages)).rows().toPipeline(Aggregation.DEFAULT_CONTEXT);
    }

    @SuppressWarnings("unchecked")
    private static StatisticsQuery aggregate(Page page, Object... stages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object stage : stages) {
            list.add((Map<String, Object>) stage);
        }
        return new StatisticsQuery(null, null, list, null, page);
    }

    private static Map<String, Object> stage(String name, Object body) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put(name, body);
        return stage;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }

    private static Map<String, Object> countByProvider() {
        return stage(
                "group",
                map(
                        "keys", List.of(map("key", "provider", "name", "provider")),
                        "fields", List.of(map("operator", "count", "name", "count"))));
    }

    @Test
    void groupKeysAreFlattenedIntoRows() {
        assertThat(pipeline(countByProvider()))
                .containsExactly(
                        doc(
                                "$group",
                                new Document("_id", doc("provider", "$provider")).append("count", doc("$sum", 1))),
                        doc(
                                "$project",
                                new Document("_id", 0)
                                        .append("provider", "$_id.provider")
                                        .append("count", 1)));
    }

    @Test
    void theSpecExampleSortsGroupsAndPagesWithATotalCount() {
        StatisticsPlan plan = translate(aggregate(
                new Page(null, 5), countByProvider(), stage("sort", List.of(map("key", "count", "desc", true)))));

        List<Document> rows = plan.rows().toPipeline(Aggregation.DEFAULT_CONTEXT);
        List<Document> count = plan.count().toPipeline(Aggregation.DEFAULT_CONTEXT);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).isEqualTo(doc("$sort", doc("count", -1)));
        assertThat(rows.get(3)).isEqualTo(doc("$limit", 5));
        assertThat(count).hasSize(4);
        assertThat(count.get(3))
                .isEqualTo(doc("$group", new Document("_id", null).append("total_count", doc("$sum", 1))));
        assertThat(plan.distinct()).isFalse();
    }

    @Test
    void aPageStartSkipsRows() {
        List<Document> rows = translate(aggregate(new Page(11, 10), countByProvider()))
                .rows()
                .toPipeline(Aggregation.DEFAULT_CONTEXT);

        assertThat(rows.subList(2, 4)).containsExactly(doc("$skip", 10L), doc("$limit", 10));
    }

    @Test
    void withoutAPageThereIsNoCount() {
        assertThat(translate(aggregate(null, countByProvider())).count()).isNull();
    }

    @Test
    void aPageLimitOfZeroOnlyCounts() {
        StatisticsPlan plan = translate(aggregate(new Page(null, 0), countByProvider()));

        assertThat(plan.rows()).isNull();
        assertThat(plan.count()).isNotNull();
    }

    @Test
    void aPageLimitOverAThousandIsRejected() {
        assertRejected(
                () -> translate(aggregate(new Page(null, 1001), countByProvider())), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void scopeFilterAndFilterOrAreTheFirstMatch() {
        StatisticsQuery query = new StatisticsQuery(
                List.of(Condition.eq("state", "ENABLED")),
                List.of(Condition.eq("provider", "aws"), Condition.eq("provider", "gcp")),
                List.of(countByProvider()),
                null,
                null);

        List<Document> pipeline = translator
                .translate(query, PLUGINS, Criteria.where("domain_id").is("d1"))
                .rows()
                .toPipeline(Aggregation.DEFAULT_CONTEXT);

        assertThat(pipeline.get(0))
                .isEqualTo(doc(
                        "$match",
                        doc(
                                "$and",
                                List.of(
                                        doc("domain_id", "d1"),
                                        doc("state", "ENABLED"),
                                        doc("$or", List.of(doc("provider", "aws"), doc("provider", "gcp")))))));
    }

    @Test
    void theTimeLimitIsSetOnBothPipelines() {
        StatisticsPlan plan = new StatisticsTranslator(CLOCK, Duration.ofMillis(700))
                .translate(aggregate(new Page(1, 10), countByProvider()), PLUGINS, new Criteria());

        assertThat(plan.rows().getOptions().getMaxTime()).isEqualTo(Duration.ofMillis(700));
        assertThat(plan.count().getOptions().getMaxTime()).isEqualTo(Duration.ofMillis(700));
    }

    @ParameterizedTest
    @CsvSource({
        "sum,        $sum",
        "average,    $avg",
        "max,        $max",
        "min,        $min",
        "first,      $first",
        "last,       $last",
        "push,       $push",
        "add_to_set, $addToSet"
    })
    void everyGroupOperatorHasItsAccumulator(String operator, String accumulator) {
        List<Document> pipeline =
                pipeline(stage("group", map("fields", List.of(map("key", "size", "name", "x", "operator", operator)))));

        assertThat(pipeline.get(0))
                .isEqualTo(doc("$group", new Document("_id", null).append("x", doc(accumulator, "$size"))));
        assertThat(pipeline.get(1)).isEqualTo(doc("$project", new Document("_id", 0).append("x", 1)));
    }

    @ParameterizedTest
    @CsvSource({"year, %Y", "month, %Y-%m", "day, %Y-%m-%d", "'%Y-%V', '%Y-%V'", "'%H:%M %%', '%H:%M %%'"})
    void dateFormatsGroupByFormattedTimestamps(String dateFormat, String format) {
        List<Document> pipeline = pipeline(stage(
                "group",
                map(
                        "keys", List.of(map("key", "created_at", "name", "period", "date_format", dateFormat)),
                        "fields", List.of(map("operator", "count", "name", "n")))));

        assertThat(pipeline.get(0).get("$group", Document.class).get("_id"))
                .isEqualTo(doc(
                        "period", doc("$dateToString", new Document("format", format).append("date", "$created_at"))));
    }

    @Test
    void theDayOfTheWeekIsComputedFromTheIsoDay() {
        List<Document> pipeline = pipeline(
                stage("group", map("keys", List.of(map("key", "created_at", "name", "day", "date_format", "%Y %w")))));

        Document isoDay =
                doc("$toInt", doc("$dateToString", new Document("format", "%u").append("date", "$created_at")));
        Document sundayFirst = doc("$add", List.of(doc("$mod", List.of(isoDay, 7)), 1));
        assertThat(pipeline.get(0)
                        .get("$group", Document.class)
                        .get("_id", Document.class)
                        .get("day"))
                .isEqualTo(doc(
                        "$concat",
                        List.of(
                                doc("$dateToString", new Document("format", "%Y ").append("date", "$created_at")),
                                doc("$toString", doc("$toInt", sundayFirst)))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%Q",
                "%",
                "$year",
                "week",
                "%%",
                "%Y\u0001-%m",
                "%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y"
            })
    void invalidDateFormatsAreRejected(String dateFormat) {
        assertRejected(
                () -> pipeline(stage(
                        "group",
                        map("keys", List.of(map("key", "created_at", "name", "p", "date_format", dateFormat))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aDateFormatOnANonTimestampIsRejected() {
        assertRejected(
                () -> pipeline(
                        stage("group", map("keys", List.of(map("key", "name", "name", "p", "date_format", "year"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void groupKeysDefaultTheirNameToTheKeyAndAcceptShortNames() {
        List<Document> pipeline = pipeline(
                stage("group", map("keys", List.of(map("k", "provider")), "fields", List.of(map("o", "count")))));

        assertThat(pipeline.get(1))
                .isEqualTo(doc(
                        "$project",
                        new Document("_id", 0)
                                .append("provider", "$_id.provider")
                                .append("count", 1)));
    }

    @Test
    void groupKeysMayBeNestedBelowMapsButNeedAName() {
        List<Document> pipeline =
                pipeline(stage("group", map("keys", List.of(map("key", "tags.icon", "name", "icon")))));

        assertThat(pipeline.get(0)).isEqualTo(doc("$group", doc("_id", doc("icon", "$tags.icon"))));
        assertRejected(
                () -> pipeline(stage("group", map("keys", List.of(map("key", "tags.icon"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void groupRejectsWrongShapes() {
        assertRejected(() -> pipeline(stage("group", map())), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("group", "provider")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> pipeline(stage("group", map("keys", "provider"))), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(
                () -> pipeline(stage("group", map("keys", List.of(map("key", "provider")), "having", 1))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage("group", map("keys", List.of(map("key", "secret"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(
                        stage("group", map("fields", List.of(map("name", "n", "operator", "median", "key", "size"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage("group", map("fields", List.of(map("name", "n", "operator", "sum"))))),
                ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(
                () -> pipeline(stage("group", map("fields", List.of(map("name", "n"))))),
                ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(
                () -> pipeline(stage(
                        "group",
                        map(
                                "keys", List.of(map("key", "provider", "name", "n")),
                                "fields", List.of(map("name", "n", "operator", "count"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$n", "a.b", "_id", "n$"})
    void outputNamesWithDollarsDotsOrIdAreRejected(String name) {
        assertRejected(
                () -> pipeline(stage("group", map("fields", List.of(map("name", name, "operator", "count"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("count", map("name", name))), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void unwindSpreadsAListAndItsElementsCanBeGrouped() {
        List<Document> pipeline = pipeline(
                stage("unwind", map("path", "labels")),
                stage("group", map("keys", List.of(map("key", "labels", "name", "label")))));

        assertThat(pipeline.get(0)).isEqualTo(doc("$unwind", "$labels"));
        assertThat(pipeline.get(1)).isEqualTo(doc("$group", doc("_id", doc("label", "$labels"))));
    }

    @Test
    void unwindRejectsNonListsAndDollarPaths() {
        assertRejected(() -> pipeline(stage("unwind", map("path", "name"))), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("unwind", map("path", "$labels"))), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("unwind", map())), ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(() -> pipeline(stage("unwind", "labels")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
    }

    @Test
    void matchAfterAGroupRefersToTheProducedNamesWithTheirTypes() {
        List<Document> pipeline =
                pipeline(countByProvider(), stage("match", List.of(map("k", "count", "v", "5", "o", "gte"))));

        assertThat(pipeline.get(2)).isEqualTo(doc("$match", doc("count", doc("$gte", 5L))));
    }

    @Test
    void matchAfterAGroupRejectsKeysTheGroupDidNotProduce() {
        assertRejected(
                () -> pipeline(countByProvider(), stage("match", List.of(map("k", "state", "v", "x")))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void matchBeforeAGroupUsesTheCatalogue() {
        List<Document> pipeline = pipeline(
                stage(
                        "match",
                        List.of(
                                map("key", "size", "value", 1, "operator", "gt"),
                                map("key", "size", "value", 9, "operator", "lt"))),
                countByProvider());

        assertThat(pipeline.get(0))
                .isEqualTo(doc(
                        "$match", doc("$and", List.of(doc("size", doc("$gt", 1L)), doc("size", doc("$lt", 9L))))));
    }

    @Test
    void matchValidatesLikeAFilter() {
        assertRejected(
                () -> pipeline(stage("match", List.of(map("k", "name", "v", "x", "o", "in")))),
                ErrorCode.ERROR_OPERATOR_LIST_VALUE_TYPE);
        assertRejected(
                () -> pipeline(stage("match", List.of(map("k", "$where", "v", "1")))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage("match", List.of(map("k", "name", "v", "x", "x", 1)))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("match", List.of())), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("match", "name")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(
                () -> pipeline(stage("match", List.of(map("k", 1, "v", "x")))), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
    }

    /** What rows that no stage reshaped are answered with: the catalogue's declared fields, without {@code _id}. */
    private static final Document DECLARED_FIELDS = doc(
            "$project",
            new Document("_id", 0)
                    .append("plugin_id", 1)
                    .append("name", 1)
                    .append("state", 1)
                    .append("provider", 1)
                    .append("service_type", 1)
                    .append("image", 1)
                    .append("registry_type", 1)
                    .append("labels", 1)
                    .append("tags", 1)
                    .append("capability", 1)
                    .append("endpoints", 1)
                    .append("size", 1)
                    .append("enabled", 1)
                    .append("created_at", 1)
                    .append("updated_at", 1));

    @Test
    void rowsNoStageReshapedShowOnlyTheDeclaredFields() {
        assertThat(pipeline(stage("match", List.of(map("key", "state", "value", "ENABLED")))))
                .last()
                .isEqualTo(DECLARED_FIELDS);
        assertThat(pipeline(stage("unwind", map("path", "labels")))).last().isEqualTo(DECLARED_FIELDS);
        assertThat(pipeline(stage("group", map("fields", List.of(map("operator", "count", "name", "n"))))))
                .last()
                .isNotEqualTo(DECLARED_FIELDS);
    }

    @Test
    void sortTakesAListOrASingleKey() {
        assertThat(pipeline(stage("sort", List.of(map("key", "name"), map("key", "size", "desc", true)))))
                .containsExactly(doc("$sort", new Document("name", 1).append("size", -1)), DECLARED_FIELDS);
        assertThat(pipeline(stage("sort", map("key", "name", "desc", false))))
                .containsExactly(doc("$sort", doc("name", 1)), DECLARED_FIELDS);
    }

    @Test
    void sortRejectsWrongShapes() {
        assertRejected(() -> pipeline(stage("sort", List.of())), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage("sort", List.of(map("key", "name", "desc", "yes")))),
                ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> pipeline(stage("sort", List.of(map("key", "secret")))), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void projectComputesFields() {
        List<Document> pipeline = pipeline(stage(
                "project",
                map(
                        "fields",
                        List.of(
                                map("key", "name"),
                                map("key", "tags.icon", "name", "icon"),
                                map("key", "labels", "name", "label_count", "operator", "size"),
                                map("key", "labels", "name", "total", "operator", "sum"),
                                map("key", "size", "name", "kb", "operator", "divide", "value", 1024),
                                map("key", "size", "name", "plus", "operator", "add", "value", "size"),
                                map("key", "size", "name", "minus", "operator", "subtract", "value", 1),
                                map("key", "size", "name", "twice", "operator", "multiply", "value", 2)))));

        assertThat(pipeline)
                .containsExactly(doc(
                        "$project",
                        new Document("_id", 0)
                                .append("name", "$name")
                                .append("icon", "$tags.icon")
                                .append("label_count", doc("$size", doc("$ifNull", List.of("$labels", List.of()))))
                                .append("total", doc("$sum", "$labels"))
                                .append("kb", doc("$divide", List.of("$size", 1024L)))
                                .append("plus", doc("$add", List.of("$size", "$size")))
                                .append("minus", doc("$subtract", List.of("$size", 1L)))
                                .append("twice", doc("$multiply", List.of("$size", 2L)))));
    }

    @Test
    void projectRejectsWrongShapes() {
        assertRejected(() -> pipeline(stage("project", map("fields", List.of()))), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(
                        stage("project", map("fields", List.of(map("key", "size", "name", "x", "operator", "pow"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage(
                        "project",
                        map("fields", List.of(map("key", "size", "name", "x", "operator", "divide", "value", 0))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(
                        stage("project", map("fields", List.of(map("key", "size", "name", "x", "operator", "add"))))),
                ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(
                () -> pipeline(stage(
                        "project",
                        map("fields", List.of(map("key", "size", "name", "x", "operator", "add", "value", "$where"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(
                        stage("project", map("fields", List.of(map("key", "name", "name", "x", "operator", "size"))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> pipeline(stage("project", map("fields", List.of(map("key", "name", "value", 1))))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void stagesAfterAProjectSeeOnlyTheProjectedNames() {
        List<Document> pipeline = pipeline(
                stage("project", map("fields", List.of(map("key", "labels", "name", "n", "operator", "size")))),
                stage("sort", List.of(map("key", "n", "desc", true))));

        assertThat(pipeline.get(1)).isEqualTo(doc("$sort", doc("n", -1)));
        assertRejected(
                () -> pipeline(
                        stage("project", map("fields", List.of(map("key", "labels", "name", "n", "operator", "size")))),
                        stage("sort", List.of(map("key", "name")))),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void countNamesTheNumberOfRows() {
        assertThat(pipeline(stage("count", map("name", "total")))).containsExactly(doc("$count", "total"));
    }

    @Test
    void limitAndSkipTakeWholeNumbers() {
        assertThat(pipeline(stage("skip", 0), stage("limit", 2.0)))
                .containsExactly(doc("$skip", 0L), doc("$limit", 2L), DECLARED_FIELDS);
        assertRejected(() -> pipeline(stage("limit", 0)), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("skip", -1)), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(stage("limit", "5")), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> pipeline(stage("limit", 1.5)), ErrorCode.ERROR_INVALID_PARAMETER_TYPE);
        assertRejected(() -> pipeline(stage("limit", null)), ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lookup", "$group", "$out", "$merge", "facet", "out", "where", "$where"})
    void unknownStagesAreRejected(String name) {
        assertRejected(() -> pipeline(stage(name, map())), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aStageWithMoreThanOneKeyIsRejected() {
        Map<String, Object> twoKeys = map("limit", 1, "skip", 1);

        assertRejected(() -> pipeline(twoKeys), ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> pipeline(map()), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aNullStageIsRequired() {
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, Arrays.asList(countByProvider(), null), null, null)),
                ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    @Test
    void tooManyStagesAreRejected() {
        Object[] stages = new Object[33];
        Arrays.fill(stages, stage("skip", 0));

        assertRejected(() -> pipeline(stages), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void aggregateOrDistinctIsRequiredButNotBoth() {
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, null, null, null)), ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, List.of(), " ", null)),
                ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, List.of(countByProvider()), "provider", null)),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(() -> translate(null), ErrorCode.ERROR_REQUIRED_PARAMETER);
    }

    @Test
    void distinctGroupsSortsAndDropsNulls() {
        StatisticsPlan plan = translate(new StatisticsQuery(null, null, null, "provider", null));

        assertThat(plan.distinct()).isTrue();
        assertThat(plan.rows().toPipeline(Aggregation.DEFAULT_CONTEXT))
                .containsExactly(
                        doc("$group", doc("_id", "$provider")),
                        doc("$match", doc("_id", doc("$ne", null))),
                        doc("$sort", doc("_id", 1)));
    }

    @Test
    void distinctOfAListCountsItsElements() {
        StatisticsPlan plan = translate(new StatisticsQuery(null, null, null, "labels", new Page(1, 10)));

        assertThat(plan.rows().toPipeline(Aggregation.DEFAULT_CONTEXT).get(0)).isEqualTo(doc("$unwind", "$labels"));
        assertThat(plan.count()).isNotNull();
    }

    @Test
    void distinctOfAnUndeclaredFieldIsRejected() {
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, null, "secret", null)),
                ErrorCode.ERROR_INVALID_PARAMETER);
        assertRejected(
                () -> translate(new StatisticsQuery(null, null, null, "$where", null)),
                ErrorCode.ERROR_INVALID_PARAMETER);
    }
}
