package io.pluginplatform.common.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The wire records bind under the services' JSON configuration: snake_case names, unknown properties rejected. */
class QueryBindingTest {

    private final JsonMapper snakeCase = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final JsonMapper plain = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String FULL_QUERY = """
            {"filter": [{"key": "name", "value": "jira", "operator": "contain"}, {"k": "size", "v": 5, "o": "gt"}],
             "filter_or": [{"k": "provider", "v": "aws"}],
             "sort": [{"key": "created_at", "desc": true}],
             "page": {"start": 11, "limit": 10},
             "only": ["name"], "minimal": false, "count_only": true, "keyword": "slack"}
            """;

    @Test
    void aFullQueryBindsUnderSnakeCase() {
        Query query = snakeCase.readValue(FULL_QUERY, Query.class);

        assertThat(query.filter())
                .containsExactly(new Condition("name", "jira", "contain"), new Condition("size", 5, "gt"));
        assertThat(query.filterOr()).containsExactly(new Condition("provider", "aws", null));
        assertThat(query.sort()).containsExactly(SortKey.desc("created_at"));
        assertThat(query.page()).isEqualTo(new Page(11, 10));
        assertThat(query.only()).containsExactly("name");
        assertThat(query.minimal()).isFalse();
        assertThat(query.countOnly()).isTrue();
        assertThat(query.keyword()).isEqualTo("slack");
    }

    @Test
    void theSameQueryBindsWithoutANamingStrategy() {
        assertThat(plain.readValue(FULL_QUERY, Query.class)).isEqualTo(snakeCase.readValue(FULL_QUERY, Query.class));
    }

    @Test
    void sortAcceptsASingleObject() {
        Query query = snakeCase.readValue("{\"sort\": {\"key\": \"name\", \"desc\": true}}", Query.class);

        assertThat(query.sort()).containsExactly(SortKey.desc("name"));
    }

    @Test
    void conditionValuesKeepTheirJsonShape() {
        Query query = snakeCase.readValue(
                "{\"filter\": [{\"k\": \"tags\", \"v\": {\"a\": [1, true, null]}, \"o\": \"match\"}]}", Query.class);

        assertThat(query.filter().get(0).value()).isEqualTo(Map.of("a", java.util.Arrays.asList(1, true, null)));
    }

    @Test
    void anUnknownPropertyIsRejected() {
        assertThatThrownBy(() -> snakeCase.readValue("{\"filters\": []}", Query.class))
                .hasMessageContaining("filters");
        assertThatThrownBy(() -> snakeCase.readValue("{\"filter\": [{\"key\": \"a\", \"op\": \"eq\"}]}", Query.class))
                .hasMessageContaining("op");
        assertThatThrownBy(() -> snakeCase.readValue("{\"page\": {\"offset\": 1}}", Query.class))
                .hasMessageContaining("offset");
    }

    @Test
    void aStatisticsQueryBindsWithRawStages() {
        StatisticsQuery query = snakeCase.readValue("""
                {"filter": [{"k": "state", "v": "ENABLED"}],
                 "aggregate": [{"group": {"keys": [{"key": "provider", "name": "provider"}],
                                          "fields": [{"operator": "count", "name": "count"}]}},
                               {"sort": [{"key": "count", "desc": true}]}],
                 "page": {"limit": 5}}
                """, StatisticsQuery.class);

        assertThat(query.aggregate()).hasSize(2);
        assertThat(query.aggregate().get(0)).containsOnlyKeys("group");
        assertThat(query.page()).isEqualTo(new Page(null, 5));
    }

    @Test
    void aggregateAcceptsASingleStage() {
        StatisticsQuery query =
                snakeCase.readValue("{\"aggregate\": {\"count\": {\"name\": \"n\"}}}", StatisticsQuery.class);

        assertThat(query.aggregate()).containsExactly(Map.of("count", Map.of("name", "n")));
    }

    @Test
    void queriesSerialiseToTheWireFormWithoutNulls() {
        Query query =
                new Query(List.of(Condition.eq("name", "x")), null, null, new Page(1, 10), null, null, true, null);

        String json = snakeCase.writeValueAsString(query);

        assertThat(json)
                .isEqualTo(
                        "{\"filter\":[{\"key\":\"name\",\"value\":\"x\",\"operator\":\"eq\"}],\"page\":{\"start\":1,\"limit\":10},\"count_only\":true}");
        assertThat(snakeCase.readValue(json, Query.class)).isEqualTo(query);
        assertThat(plain.writeValueAsString(query)).isEqualTo(json);
    }
}
