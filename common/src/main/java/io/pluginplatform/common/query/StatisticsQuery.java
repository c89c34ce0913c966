package io.pluginplatform.common.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code query} object of stat methods: a filter, then either an {@code aggregate} pipeline of stages (each an
 * object with one key: group, unwind, match, sort, project, count, limit, skip) or a {@code distinct} field. Stages
 * stay raw maps here so that {@link StatisticsTranslator} can reject each wrong shape with a precise 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatisticsQuery(
        @JsonProperty("filter") List<Condition> filter,
        @JsonProperty("filter_or") List<Condition> filterOr,

        @JsonProperty("aggregate") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<Map<String, Object>> aggregate,

        @JsonProperty("distinct") String distinct,
        @JsonProperty("page") Page page) {

    /** This query with {@code conditions} appended to its {@code filter} (ANDed). */
    public StatisticsQuery withConditions(List<Condition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return this;
        }
        List<Condition> all = new java.util.ArrayList<>();
        if (filter != null) {
            all.addAll(filter);
        }
        all.addAll(conditions);
        return new StatisticsQuery(all, filterOr, aggregate, distinct, page);
    }
}
