package io.pluginplatform.common.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** One sort key: {@code {"key": k, "desc": true}}; {@code desc} defaults to false (ascending). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SortKey(
        @JsonProperty("key") String key,
        @JsonProperty("desc") Boolean desc) {

    public static SortKey asc(String key) {
        return new SortKey(key, false);
    }

    public static SortKey desc(String key) {
        return new SortKey(key, true);
    }

    /** True when sorting from the highest to the lowest value. */
    public boolean descending() {
        return Boolean.TRUE.equals(desc);
    }

    /** Reads the query-string form {@code -created_at,name} ({@code -} for descending); blank parts are skipped. */
    public static List<SortKey> parseList(String text) {
        List<SortKey> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        for (String part : text.split(",")) {
            String key = part.trim();
            if (key.isEmpty()) {
                continue;
            }
            boolean descending = key.startsWith("-");
            keys.add(new SortKey(descending ? key.substring(1).trim() : key, descending));
        }
        return keys;
    }
}
