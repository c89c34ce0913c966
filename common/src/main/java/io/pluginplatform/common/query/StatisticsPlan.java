package io.pluginplatform.common.query;

import org.springframework.data.mongodb.core.aggregation.Aggregation;

/**
 * A validated stat query, ready for {@link QueryRunner#stat}.
 *
 * @param rows the pipeline whose documents are the result rows (paged when the query has a page); null when the page
 *     limit is 0 and only the count is wanted
 * @param count the pipeline that counts every row ignoring the page, one document {@code {total_count: n}} (none
 *     when there are no rows); null when the query has no page
 * @param distinct true when the rows are {@code {_id: value}} documents of a {@code distinct} query, to be returned as
 *     bare values
 */
public record StatisticsPlan(Aggregation rows, Aggregation count, boolean distinct) {

    /** The name of the field the count pipeline produces. */
    public static final String TOTAL_COUNT = "total_count";
}
