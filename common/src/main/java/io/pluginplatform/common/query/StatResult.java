package io.pluginplatform.common.query;

import java.util.Collections;
import java.util.List;

/**
 * The rows of a stat query: {@link org.bson.Document}s for an aggregate, bare values for a distinct.
 *
 * @param results the rows (of the page, when the query has one)
 * @param totalCount every row ignoring the page; null when the query has no page
 */
public record StatResult(List<Object> results, Long totalCount) {

    public StatResult {
        results = Collections.unmodifiableList(new java.util.ArrayList<>(results));
    }
}
