package io.pluginplatform.repository.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S6: operators, undeclared or {@code $}-bearing keys and catastrophic regular expressions in list, search and stat
 * queries are client mistakes: 400 with a code, never a 5xx and never run. Regular-expression metacharacters in
 * {@code keyword} and {@code contain} values are literal text.
 */
class QueryInjectionTest extends SecurityIntegrationTest {

    private static final List<String> LIST_ROUTES = List.of(
            "POST /repository/v1/plugin/list",
            "POST /repository/v1/plugins/search",
            "POST /repository/v1/repositories/search",
            "POST /repository/v1/repository/list");
    private static final List<String> STAT_ROUTES =
            List.of("POST /repository/v1/plugin/stat", "POST /repository/v1/plugins/stat");

    /** Patterns behind exponential backtracking, and patterns the database should never be handed. */
    private static final Map<String, String> REGEX_BOMBS = orderedMap(
            "nested quantifier (a+)+$", "(a+)+$",
            "repeated group (.*a){20}", "(.*a){20}",
            "alternation under a star", "(a|aa)*b",
            "star under a star", "(a*)*b",
            "class under a star", "([a-z]+)*$",
            "back-reference", "(\\w+)\\s\\1",
            "named back-reference", "(?<word>a)\\k<word>",
            "look-ahead", "(?=a)a",
            "negative look-ahead", "(?!a)b",
            "look-behind", "(?<=a)b",
            "negative look-behind", "(?<!a)b",
            "257 characters", "a".repeat(257),
            "invalid pattern", "[a-",
            "unbalanced group", "(a");

    private final String token = Tokens.member(Tokens.DOMAIN_A);

    @Test
    void theQueryRoutesAreEnumeratedFromTheHandlerMappings() {
        assertThat(queryRoutes(LIST_ROUTES)).containsExactlyInAnyOrderElementsOf(LIST_ROUTES);
        assertThat(queryRoutes(STAT_ROUTES)).containsExactlyInAnyOrderElementsOf(STAT_ROUTES);
    }

    @TestFactory
    Stream<DynamicTest> listQueriesWithInjectedKeysOperatorsOrRegularExpressionsAreRejected() {
        List<DynamicTest> tests = new ArrayList<>();
        listQueries().forEach((name, query) -> {
            for (String route : queryRoutes(LIST_ROUTES)) {
                tests.add(rejected(name, route, "{\"query\": " + json(query) + "}"));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> statQueriesWithInjectedKeysOperatorsStagesOrRegularExpressionsAreRejected() {
        List<DynamicTest> tests = new ArrayList<>();
        statQueries().forEach((name, query) -> {
            for (String route : queryRoutes(STAT_ROUTES)) {
                tests.add(rejected(name, route, "{\"repository_id\": \"repo-local\", \"query\": " + json(query) + "}"));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> queryStringsWithInjectedKeysAreRejected() {
        Map<String, String> paths = orderedMap(
                "plugin list sorted by $where", "/repository/v1/plugins?sort=" + encode("$where"),
                "plugin list sorted by a secret", "/repository/v1/plugins?sort=" + encode("-registry_config.password"),
                "plugin list sorted below a string", "/repository/v1/plugins?sort=name.first",
                "plugin list with a $where parameter", "/repository/v1/plugins?" + encode("$where") + "=1",
                "plugin list with an operator parameter", "/repository/v1/plugins?" + encode("plugin_id[$ne]") + "=x",
                "plugin list with an oversized keyword", "/repository/v1/plugins?keyword=" + "a".repeat(1025),
                "plugin list with an oversized page", "/repository/v1/plugins?limit=100000",
                "repository list sorted by $where", "/repository/v1/repositories?sort=" + encode("$where"),
                "repository list sorted by the stored token", "/repository/v1/repositories?sort=token",
                "repository list with a $where parameter", "/repository/v1/repositories?" + encode("$where") + "=1",
                "plugin get with only a secret", "/repository/v1/plugins/plugin-sample?only=registry_config.password",
                "plugin get with only $where", "/repository/v1/plugins/plugin-sample?only=" + encode("$where"));
        return paths.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Response response = send("GET", entry.getValue(), token, null);

                    assertRejected(response);
                }));
    }

    @TestFactory
    Stream<DynamicTest> regularExpressionMetacharactersInKeywordsAndContainAreLiteral() {
        Map<String, Object> queries = new LinkedHashMap<>();
        REGEX_BOMBS.forEach((name, pattern) -> {
            queries.put("keyword " + name, Map.of("keyword", pattern));
            queries.put("contain " + name, Map.of("filter", List.of(condition("name", pattern, "contain"))));
            queries.put(
                    "not_contain_in " + name,
                    Map.of("filter", List.of(condition("name", List.of(pattern, ".*"), "not_contain_in"))));
        });
        List<DynamicTest> tests = new ArrayList<>();
        queries.forEach((name, query) -> {
            for (String route : queryRoutes(LIST_ROUTES)) {
                tests.add(DynamicTest.dynamicTest(name + " on " + route, () -> {
                    Response response = send("POST", path(route), token, "{\"query\": " + json(query) + "}");

                    assertThat(response.status()).as(response.toString()).isEqualTo(200);
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wellFormedQueriesOfTheSameShapesAreServed() {
        Map<String, String> lists =
                orderedMap("filter, filter_or, sort and only", """
                {"filter": [{"k": "name", "v": "x", "o": "not"}],
                 "filter_or": [{"k": "name", "v": "^[a-z]+", "o": "regex"}, {"k": "name", "v": "a", "o": "eq"}],
                 "sort": [{"key": "name", "desc": true}], "only": ["name"]}
                """, "keyword", "{\"keyword\": \"slack\"}");
        Map<String, String> stats = orderedMap(
                "group, match, project, sort and count",
                """
                {"aggregate": [
                  {"group": {"keys": [{"key": "provider", "name": "provider"}],
                             "fields": [{"operator": "count", "name": "n"}]}},
                  {"match": [{"k": "n", "v": 0, "o": "gte"}]},
                  {"project": {"fields": [{"key": "provider", "name": "p"},
                                          {"key": "n", "name": "twice", "operator": "multiply", "value": 2}]}},
                  {"sort": [{"key": "twice", "desc": true}]},
                  {"count": {"name": "rows"}}]}
                """,
                "filtered distinct",
                "{\"filter\": [{\"k\": \"name\", \"v\": \"x\", \"o\": \"not\"}], \"distinct\": \"provider\"}");
        List<DynamicTest> tests = new ArrayList<>();
        lists.forEach((name, query) -> {
            for (String route : queryRoutes(LIST_ROUTES)) {
                tests.add(served(name, route, "{\"query\": " + query + "}"));
            }
        });
        stats.forEach((name, query) -> {
            for (String route : queryRoutes(STAT_ROUTES)) {
                tests.add(served(name, route, "{\"repository_id\": \"repo-managed\", \"query\": " + query + "}"));
            }
        });
        return tests.stream();
    }

    /** Invalid list queries by what they try. */
    private static Map<String, Object> listQueries() {
        Map<String, Object> queries = new LinkedHashMap<>();
        conditions().forEach((name, condition) -> {
            queries.put("filter " + name, Map.of("filter", List.of(condition)));
            queries.put("filter_or " + name, Map.of("filter_or", List.of(condition("name", "x", "eq"), condition)));
        });
        Map<String, Object> sorts = orderedMap(
                "$where", List.of(Map.of("key", "$where")),
                "$natural as a single key", Map.of("key", "$natural", "desc", true),
                "an undeclared secret", List.of(Map.of("key", "registry_config.password")),
                "an undeclared key", List.of(Map.of("key", "no_such_field")),
                "a key below a string", List.of(Map.of("key", "name.first")),
                "$ below a map", List.of(Map.of("key", "tags.$where")),
                "a key with an unknown property", List.of(Map.of("key", "name", "$where", "1")));
        sorts.forEach((name, sort) -> queries.put("sort by " + name, Map.of("sort", sort)));
        for (String only : List.of(
                "$where",
                "$**",
                "name.$",
                "registry_config",
                "registry_config.password",
                "token",
                "no_such_field",
                "name.first")) {
            queries.put("only " + only, Map.of("only", List.of(only)));
        }
        queries.put("a $where property", Map.of("$where", "sleep(5000) || true"));
        queries.put("filter as an operator object", Map.of("filter", Map.of("$where", "1")));
        queries.put("a page over the maximum", Map.of("page", Map.of("limit", 100_000)));
        queries.put("an oversized keyword", Map.of("keyword", "a".repeat(1025)));
        return queries;
    }

    /** Invalid conditions by what they try, each usable in filter, filter_or and a stat match stage. */
    private static Map<String, Object> conditions() {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("key $where", condition("$where", "sleep(5000) || true", "eq"));
        conditions.put(
                "key $function",
                condition("$function", Map.of("body", "function() { while (true) {} }", "args", List.of()), "eq"));
        conditions.put("key $expr", condition("$expr", Map.of("$gt", List.of("$name", "")), "eq"));
        conditions.put("key $or", condition("$or", List.of(Map.of("name", "x")), "in"));
        conditions.put("key ending in $", condition("name$", "x", "eq"));
        conditions.put("operator inside a key", condition("name.$ne", "x", "eq"));
        conditions.put("$ below a map", condition("tags.$where", "x", "eq"));
        conditions.put("positional $ below a map", condition("tags.owner.$", "x", "eq"));
        conditions.put("undeclared key", condition("no_such_field", "x", "eq"));
        conditions.put("undeclared secret", condition("registry_config.password", true, "exists"));
        conditions.put("the stored token", condition("token", true, "exists"));
        conditions.put("the internal id", condition("_id", "x", "eq"));
        conditions.put("key below a string", condition("name.first", "x", "eq"));
        conditions.put("key below a timestamp", condition("created_at.year", 2024, "eq"));
        conditions.put("operator object as a value", condition("name", Collections.singletonMap("$ne", null), "eq"));
        conditions.put(
                "operator object below a map", condition("tags.owner", Collections.singletonMap("$ne", null), "eq"));
        conditions.put("$where in a list value", condition("name", List.of(Map.of("$where", "1")), "in"));
        conditions.put("$where in a match value", condition("tags.list", Map.of("$where", "sleep(5000)"), "match"));
        conditions.put("operator $where", condition("name", "x", "$where"));
        conditions.put("operator $regex", condition("name", ".*", "$regex"));
        conditions.put("unknown operator", condition("name", "x", "where"));
        REGEX_BOMBS.forEach((name, pattern) -> conditions.put("regex " + name, condition("name", pattern, "regex")));
        conditions.put("regex_in with " + "(a+)+$", condition("name", List.of("plugin", "(a+)+$"), "regex_in"));
        return conditions;
    }

    /** Invalid stat queries by what they try. */
    private static Map<String, Object> statQueries() {
        Map<String, Object> queries = new LinkedHashMap<>();
        Map<String, Object> count = Map.of("operator", "count", "name", "count");
        Map<String, Object> keys = orderedMap(
                "$where", Map.of("key", "$where", "name", "w"),
                "a field path", Map.of("key", "$name", "name", "n"),
                "$$ROOT", Map.of("key", "$$ROOT", "name", "root"),
                "an undeclared secret", Map.of("key", "registry_config.password", "name", "p"),
                "a key below a string", Map.of("key", "name.first", "name", "n"),
                "an undeclared key", Map.of("key", "no_such_field", "name", "n"),
                "a name with $", Map.of("key", "provider", "name", "$where"),
                "a dotted name", Map.of("key", "provider", "name", "a.b"),
                "the name _id", Map.of("key", "provider", "name", "_id"),
                "an unknown property", Map.of("key", "provider", "name", "p", "$where", "1"));
        keys.forEach((name, key) -> queries.put(
                "group key " + name,
                aggregate(Map.of("group", Map.of("keys", List.of(key), "fields", List.of(count))))));
        Map<String, Object> fields = orderedMap(
                "key $where", Map.of("key", "$where", "operator", "push", "name", "w"),
                "key $$ROOT", Map.of("key", "$$ROOT", "operator", "push", "name", "root"),
                "an undeclared secret", Map.of("key", "registry_config", "operator", "push", "name", "c"),
                "operator $function", Map.of("key", "name", "operator", "$function", "name", "f"),
                "operator accumulator", Map.of("key", "name", "operator", "accumulator", "name", "f"),
                "a name with $", Map.of("key", "name", "operator", "push", "name", "$x"),
                "push without a key", Map.of("operator", "push", "name", "everything"));
        fields.forEach((name, field) ->
                queries.put("group field " + name, aggregate(Map.of("group", Map.of("fields", List.of(field))))));
        queries.put(
                "group with a $where property",
                aggregate(Map.of("group", Map.of("fields", List.of(count), "$where", "1"))));
        conditions().forEach((name, condition) -> {
            queries.put("match " + name, aggregate(Map.of("match", List.of(condition))));
            queries.put("filter " + name, Map.of("filter", List.of(condition), "distinct", "provider"));
        });
        queries.put(
                "filter_or $where",
                Map.of("filter_or", List.of(condition("$where", "1", "eq")), "distinct", "provider"));
        queries.put(
                "filter_or regex (a+)+$",
                Map.of("filter_or", List.of(condition("name", "(a+)+$", "regex")), "distinct", "provider"));
        Map<String, Object> projections = orderedMap(
                "key $where", Map.of("key", "$where", "name", "x"),
                "key $$ROOT", Map.of("key", "$$ROOT", "name", "root"),
                "an undeclared secret", Map.of("key", "registry_config.password", "name", "p"),
                "a name with $", Map.of("key", "name", "name", "$x"),
                "operator $function", Map.of("key", "labels", "name", "n", "operator", "$function"),
                "an operand naming $where", Map.of("key", "name", "name", "n", "operator", "add", "value", "$where"),
                "an operand object", Map.of("key", "name", "name", "n", "operator", "add", "value", Map.of("$x", 1)),
                "division by zero", Map.of("key", "name", "name", "n", "operator", "divide", "value", 0));
        projections.forEach((name, field) ->
                queries.put("project " + name, aggregate(Map.of("project", Map.of("fields", List.of(field))))));
        Map<String, Object> stages = orderedMap(
                "$lookup",
                        Map.of(
                                "$lookup",
                                Map.of("from", "repositories", "localField", "a", "foreignField", "b", "as", "c")),
                "lookup", Map.of("lookup", Map.of("from", "repositories", "as", "c")),
                "$out", Map.of("$out", "stolen"),
                "out", Map.of("out", "stolen"),
                "$merge", Map.of("$merge", Map.of("into", "stolen")),
                "merge", Map.of("merge", Map.of("into", "stolen")),
                "$where", Map.of("$where", "sleep(5000) || true"),
                "function", Map.of("function", Map.of("body", "while (true) {}")),
                "unionWith", Map.of("unionWith", "repositories"),
                "two keys in one stage", Map.of("limit", 1, "skip", 1),
                "unwind a field path", Map.of("unwind", Map.of("path", "$labels")),
                "unwind an undeclared secret", Map.of("unwind", Map.of("path", "registry_config")),
                "unwind a string", Map.of("unwind", Map.of("path", "name")),
                "sort by $where", Map.of("sort", List.of(Map.of("key", "$where"))),
                "sort by an undeclared secret", Map.of("sort", List.of(Map.of("key", "registry_config.password"))),
                "count named $where", Map.of("count", Map.of("name", "$where")),
                "count with a dotted name", Map.of("count", Map.of("name", "a.b")),
                "limit as an operator object", Map.of("limit", Map.of("$where", 1)),
                "a negative skip", Map.of("skip", -1));
        stages.forEach((name, stage) -> queries.put("stage " + name, aggregate(stage)));
        for (String distinct :
                List.of("$where", "$name", "registry_config.password", "token", "_id", "no_such_field", "name.first")) {
            queries.put("distinct " + distinct, Map.of("distinct", distinct));
        }
        queries.put("aggregate and distinct", Map.of("aggregate", List.of(Map.of("limit", 1)), "distinct", "name"));
        queries.put("neither aggregate nor distinct", Map.of("filter", List.of(condition("name", "x", "eq"))));
        return queries;
    }

    private DynamicTest served(String name, String route, String body) {
        return DynamicTest.dynamicTest(name + " on " + route, () -> {
            Response response = send("POST", path(route), token, body);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        });
    }

    private DynamicTest rejected(String name, String route, String body) {
        return DynamicTest.dynamicTest(name + " on " + route, () -> {
            Response response = send("POST", path(route), token, body);

            assertRejected(response);
        });
    }

    /** A 400 problem with a code that names no class, stack frame or database message. */
    private static void assertRejected(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).matches("ERROR_[A-Z_]+");
        assertThat(response.body()).doesNotContain("Exception", "com.mongodb", "org.bson", "\tat ");
    }

    /** The enumerated routes among {@code expected}'s kind: POST routes ending like one of them. */
    private List<String> queryRoutes(List<String> expected) {
        List<String> suffixes = expected.stream()
                .map(key -> key.substring(key.lastIndexOf('/')))
                .distinct()
                .toList();
        return routes().stream()
                .filter(route -> route.method().equals("POST"))
                .filter(route -> suffixes.stream().anyMatch(route.pattern()::endsWith))
                .map(Route::key)
                .toList();
    }

    private static String path(String routeKey) {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }

    private static Map<String, Object> aggregate(Object stage) {
        return Map.of("aggregate", List.of(stage));
    }

    private static Map<String, Object> condition(String key, Object value, String operator) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("k", key);
        condition.put("v", value);
        condition.put("o", operator);
        return condition;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A map keeping the order of its name, value pairs. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... namesAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (V) namesAndValues[i + 1]);
        }
        return map;
    }
}
