package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.PLUGINS;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.PlatformException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Garbage in, 400 out: whatever a client sends, the query language answers with a platform error of status 4xx or a
 * query MongoDB can encode — never another exception, which would be a 500.
 */
class QueryLanguageProperties {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final QueryTranslator translator = new QueryTranslator(CLOCK);
    private final StatisticsTranslator statistics = new StatisticsTranslator(CLOCK);

    // properties

    @Property(tries = 3000)
    void anyQueryTranslatesOrIsAClientError(@ForAll("queries") Query query) {
        onlyClientErrors(() -> {
            MongoQuery translated = translator.translate(
                    query, PLUGINS, Criteria.where("domain_id").is("d"));
            assertEncodable(translated.query().getQueryObject());
            assertEncodable(translated.query().getSortObject());
            assertEncodable(translated.query().getFieldsObject());
            assertEncodable(translated.countQuery().getQueryObject());
        });
    }

    @Property(tries = 3000)
    void anyStatisticsQueryTranslatesOrIsAClientError(@ForAll("statisticsQueries") StatisticsQuery query) {
        onlyClientErrors(() -> {
            StatisticsPlan plan = statistics.translate(
                    query, PLUGINS, Criteria.where("domain_id").is("d"));
            if (plan.rows() != null) {
                plan.rows().toPipeline(Aggregation.DEFAULT_CONTEXT).forEach(QueryLanguageProperties::assertEncodable);
            }
            if (plan.count() != null) {
                plan.count().toPipeline(Aggregation.DEFAULT_CONTEXT).forEach(QueryLanguageProperties::assertEncodable);
            }
        });
    }

    @Property(tries = 2000)
    void anyJsonBodyEitherFailsToBindOrTranslatesOrIsAClientError(@ForAll("queryBodies") Map<String, Object> body) {
        String json = MAPPER.writeValueAsString(body);
        Query query;
        StatisticsQuery statisticsQuery;
        try {
            query = MAPPER.readValue(json, Query.class);
        } catch (JacksonException bindingError) {
            query = null;
        }
        try {
            statisticsQuery = MAPPER.readValue(json, StatisticsQuery.class);
        } catch (JacksonException bindingError) {
            statisticsQuery = null;
        }
        Query boundQuery = query;
        StatisticsQuery boundStatistics = statisticsQuery;
        onlyClientErrors(() -> translator.translate(boundQuery, PLUGINS, new Criteria()));
        onlyClientErrors(() -> statistics.translate(boundStatistics, PLUGINS, new Criteria()));
    }

    @Property(tries = 3000)
    void anyPatternIsAcceptedOnlyWhenItCompiles(@ForAll("patterns") String pattern) {
        onlyClientErrors(() -> {
            SafeRegex.check(pattern, "v");
            Pattern.compile(pattern);
        });
    }

    @Property(tries = 1000)
    void aLiteralMatchesExactlyItsText(@ForAll("texts") String text) {
        String literal = SafeRegex.literal(text, "v");

        assertThat(Pattern.compile(literal, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher("<" + text.toUpperCase() + ">")
                        .find())
                .isTrue();
        assertThat(Pattern.compile(literal).matcher(text).matches()).isTrue();
        assertThat(SafeRegex.backtrackingProblem(literal)).isNull();
    }

    @Property(tries = 2000)
    void anyRelativeTimeResolvesOrIsAClientError(@ForAll("relativeTimes") String text) {
        onlyClientErrors(() -> RelativeTime.resolve(text, CLOCK, "v"));
    }

    @Property(tries = 2000)
    void theComparatorIsAntisymmetricAndTransitive(
            @ForAll("values") Object a, @ForAll("values") Object b, @ForAll("values") Object c) {
        int ab = DocumentComparator.compareValues(a, b);
        int ba = DocumentComparator.compareValues(b, a);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ba));
        int bc = DocumentComparator.compareValues(b, c);
        if (ab <= 0 && bc <= 0) {
            assertThat(DocumentComparator.compareValues(a, c)).isLessThanOrEqualTo(0);
        }
    }

    // checks

    private static void onlyClientErrors(Runnable call) {
        try {
            call.run();
        } catch (PlatformException e) {
            assertThat(e.code().status().is4xxClientError())
                    .as("status of %s", e.getMessage())
                    .isTrue();
        }
    }

    /** What the driver would have to send: every value must have a codec. */
    private static void assertEncodable(Document document) {
        assertThat(new Document("d", document).toJson()).isNotEmpty();
    }

    // generators

    private static final List<String> KEYS = List.of(
            "name",
            "size",
            "enabled",
            "created_at",
            "labels",
            "tags",
            "tags.icon",
            "endpoints",
            "endpoints.region",
            "capability.supported_schema",
            "provider",
            "secret",
            "_id",
            "$where",
            "name.$gt",
            "$function",
            "tags..x",
            ".name",
            "",
            " ",
            "name.first",
            "count",
            "n",
            "a.b",
            "tags.$where",
            "\u0000",
            "x".repeat(300));

    private static final List<String> OPERATORS = List.of(
            "eq",
            "not",
            "lt",
            "lte",
            "gt",
            "gte",
            "exists",
            "contain",
            "not_contain",
            "in",
            "not_in",
            "contain_in",
            "not_contain_in",
            "match",
            "regex",
            "regex_in",
            "datetime_gt",
            "datetime_lt",
            "datetime_gte",
            "datetime_lte",
            "timediff_gt",
            "timediff_lt",
            "timediff_gte",
            "timediff_lte",
            "EQ",
            "like",
            "$where",
            "",
            "$gt",
            "nin");

    private static final List<String> STRINGS = List.of(
            "jira",
            "5",
            "-3.5",
            "1e999",
            "NaN",
            "true",
            "FALSE",
            "2024-01-01T00:00:00Z",
            "2024-01-01",
            "2024-13-01",
            "+999999999-12-31T23:59:59Z",
            "now",
            "now/d - 7d",
            "now/x",
            "(a+)+",
            "^a.*b$",
            "[",
            "\\1",
            "(?=x)",
            "$where",
            "$function",
            "",
            " ",
            "\u0000",
            "a".repeat(300),
            "year",
            "%Y-%m",
            "%Q",
            "size",
            "$size");

    private static Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.of(STRINGS).map(s -> (Object) s),
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(0.0, -1.5, 2.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300)
                        .map(d -> (Object) d),
                Arbitraries.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("1.5E+400"))
                        .map(n -> (Object) n),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> json(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<String> keys =
                Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.of("key", "k", "value", "operator"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaves()),
                net.jqwik.api.Tuple.of(1, json(depth - 1).list().ofMaxSize(3).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.maps(keys, json(depth - 1)).ofMaxSize(3).map(m -> (Object) m)));
    }

    private static Arbitrary<Condition> conditions() {
        return Combinators.combine(
                        Arbitraries.of(KEYS).injectNull(0.05),
                        json(2),
                        Arbitraries.of(OPERATORS).injectNull(0.1))
                .as(Condition::new);
    }

    private static Arbitrary<Page> pages() {
        Arbitrary<Integer> numbers = Arbitraries.oneOf(Arbitraries.integers().between(-2, 1002), Arbitraries.integers())
                .injectNull(0.3);
        return Combinators.combine(numbers, numbers).as(Page::new).injectNull(0.3);
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<List<Condition>> filters =
                conditions().injectNull(0.02).list().ofMaxSize(4).injectNull(0.3);
        Arbitrary<List<SortKey>> sorts = Combinators.combine(
                        Arbitraries.of(KEYS).injectNull(0.05),
                        Arbitraries.of(true, false).injectNull(0.3))
                .as(SortKey::new)
                .injectNull(0.02)
                .list()
                .ofMaxSize(3)
                .injectNull(0.3);
        Arbitrary<List<String>> only =
                Arbitraries.of(KEYS).injectNull(0.02).list().ofMaxSize(3).injectNull(0.5);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false).injectNull(0.5);
        Arbitrary<String> keyword = Arbitraries.oneOf(
                        Arbitraries.of(STRINGS), Arbitraries.strings().ofMaxLength(20))
                .injectNull(0.5);
        return Combinators.combine(filters, filters, sorts, pages(), only, flags, flags, keyword)
                .as(Query::new)
                .injectNull(0.02);
    }

    private static Arbitrary<Object> stageBodies() {
        Arbitrary<String> keys = Arbitraries.of(KEYS);
        Arbitrary<Map<String, Object>> groupKeys = Combinators.combine(
                        keys,
                        Arbitraries.of("p", "n", "count", "a.b", "$x", "_id").injectNull(0.3),
                        Arbitraries.of("year", "month", "day", "%Y-%w", "%U", "%Q", "$x", "week")
                                .injectNull(0.7))
                .as(QueryLanguageProperties::spec);
        Arbitrary<Map<String, Object>> accumulators = Combinators.combine(
                        keys.injectNull(0.3),
                        Arbitraries.of("p", "n", "count", "total", "$x").injectNull(0.3),
                        Arbitraries.of(
                                        "count",
                                        "sum",
                                        "average",
                                        "max",
                                        "min",
                                        "first",
                                        "last",
                                        "push",
                                        "add_to_set",
                                        "size",
                                        "add",
                                        "divide",
                                        "median",
                                        "$sum")
                                .injectNull(0.1))
                .as((key, name, operator) -> {
                    Map<String, Object> spec = new java.util.HashMap<>();
                    spec.put("key", key);
                    spec.put("name", name);
                    spec.put("operator", operator);
                    return spec;
                });
        Arbitrary<Object> group = Combinators.combine(
                        groupKeys.list().ofMaxSize(2), accumulators.list().ofMaxSize(2))
                .as((k, f) -> (Object) Map.of("keys", k, "fields", f));
        Arbitrary<Object> project = Combinators.combine(accumulators, json(1)).as((spec, value) -> {
            Map<String, Object> field = new java.util.HashMap<>(spec);
            field.put("value", value);
            return (Object) Map.of("fields", List.of(field));
        });
        Arbitrary<Object> conditionList = Combinators.combine(Arbitraries.of(KEYS), json(1), Arbitraries.of(OPERATORS))
                .as((k, v, o) -> {
                    Map<String, Object> condition = new java.util.HashMap<>();
                    condition.put("k", k);
                    condition.put("v", v);
                    condition.put("o", o);
                    return condition;
                })
                .list()
                .ofMaxSize(2)
                .map(l -> (Object) l);
        Arbitrary<Object> sort = Combinators.combine(Arbitraries.of(KEYS), json(0))
                .as((k, d) -> {
                    Map<String, Object> key = new java.util.HashMap<>();
                    key.put("key", k);
                    key.put("desc", d);
                    return (Object) List.of(key);
                });
        return Arbitraries.oneOf(
                group,
                project,
                conditionList,
                sort,
                json(2),
                Arbitraries.of(KEYS).map(k -> (Object) Map.of("path", k, "name", k)));
    }

    private static Map<String, Object> spec(String key, String name, String dateFormat) {
        Map<String, Object> spec = new java.util.HashMap<>();
        spec.put("key", key);
        spec.put("name", name);
        spec.put("date_format", dateFormat);
        return spec;
    }

    @Provide
    Arbitrary<StatisticsQuery> statisticsQueries() {
        Arbitrary<String> stageNames = Arbitraries.of(
                "group", "unwind", "match", "sort", "project", "count", "limit", "skip", "lookup", "$group", "");
        Arbitrary<Map<String, Object>> stages = Combinators.combine(stageNames, stageBodies())
                .as((name, body) -> {
                    Map<String, Object> stage = new java.util.HashMap<>();
                    stage.put(name, body);
                    return stage;
                })
                .injectNull(0.02);
        Arbitrary<List<Condition>> filters = conditions().list().ofMaxSize(2).injectNull(0.5);
        return Combinators.combine(
                        filters,
                        filters,
                        stages.list().ofMaxSize(4).injectNull(0.2),
                        Arbitraries.of(KEYS).injectNull(0.8),
                        pages())
                .as(StatisticsQuery::new)
                .injectNull(0.02);
    }

    @Provide
    Arbitrary<Map<String, Object>> queryBodies() {
        Arbitrary<String> names = Arbitraries.of(
                "filter",
                "filter_or",
                "sort",
                "page",
                "only",
                "minimal",
                "count_only",
                "keyword",
                "aggregate",
                "distinct",
                "filters",
                "k");
        return Arbitraries.maps(names, json(3)).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings()
                .withChars("ab()[]{}|*+?.\\^$-:=!<>,0123456789kQEwdsP")
                .ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("aZ09 .*+?()[]{}|\\^$-#/&~'\"\t\né")
                .ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> relativeTimes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("now/dwmsh+-0123456789 ").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                json(2),
                Arbitraries.of(new java.util.Date(0), new java.util.Date(1000), new org.bson.types.ObjectId())
                        .map(v -> (Object) v));
    }
}
