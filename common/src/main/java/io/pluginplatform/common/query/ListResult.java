package io.pluginplatform.common.query;

import java.util.List;
import org.bson.Document;

/**
 * The page of a list query and the number of all matches, ignoring the page.
 *
 * @param documents the page's documents, as stored (empty for {@code count_only})
 * @param totalCount every match, ignoring the page
 */
public record ListResult(List<Document> documents, long totalCount) {

    public ListResult {
        documents = List.copyOf(documents);
    }
}
