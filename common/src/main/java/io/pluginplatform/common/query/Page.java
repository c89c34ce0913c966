package io.pluginplatform.common.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pluginplatform.common.error.PlatformException;

/**
 * A page: {@code start} is the 1-based offset of the first item (default 1), {@code limit} the number of items
 * (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}; 0 returns no items, only the total count).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page(
        @JsonProperty("start") Integer start,
        @JsonProperty("limit") Integer limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The 0-based number of items to skip; rejects a start below 1. */
    public long skip() {
        int first = start == null ? 1 : start;
        if (first < 1) {
            throw PlatformException.invalid("query.page.start", "must be at least 1");
        }
        return first - 1L;
    }

    /** The number of items to return; rejects a negative limit or one over {@value #MAX_LIMIT}. */
    public int effectiveLimit() {
        int value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 0) {
            throw PlatformException.invalid("query.page.limit", "must not be negative");
        }
        if (value > MAX_LIMIT) {
            throw PlatformException.invalid("query.page.limit", "must be at most " + MAX_LIMIT);
        }
        return value;
    }
}
