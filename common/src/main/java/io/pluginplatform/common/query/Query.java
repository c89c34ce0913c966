package io.pluginplatform.common.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code query} object of list and search methods. Every component is optional; {@link QueryTranslator} validates
 * it against the resource's field catalogue. The names are given explicitly so that the record binds the same way
 * with or without a snake_case naming strategy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Query(
        @JsonProperty("filter") List<Condition> filter,
        @JsonProperty("filter_or") List<Condition> filterOr,

        @JsonProperty("sort") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<SortKey> sort,

        @JsonProperty("page") Page page,
        @JsonProperty("only") List<String> only,
        @JsonProperty("minimal") Boolean minimal,
        @JsonProperty("count_only") Boolean countOnly,
        @JsonProperty("keyword") String keyword) {

    /** The query that matches everything, with the default page. */
    public static Query empty() {
        return new Query(null, null, null, null, null, null, null, null);
    }

    /** This query with {@code conditions} appended to its {@code filter} (ANDed), e.g. a list route's simple filters. */
    public Query withConditions(List<Condition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return this;
        }
        List<Condition> all = new ArrayList<>();
        if (filter != null) {
            all.addAll(filter);
        }
        all.addAll(conditions);
        return new Query(all, filterOr, sort, page, only, minimal, countOnly, keyword);
    }

    /** This query with another page. */
    public Query withPage(Page page) {
        return new Query(filter, filterOr, sort, page, only, minimal, countOnly, keyword);
    }
}
