package io.pluginplatform.common.web;

import io.pluginplatform.common.error.PlatformException;
import java.util.List;
import java.util.Map;

/**
 * Limits of free-form request objects ({@code tags}, {@code capability}, {@code labels}): how deep they may nest. Far
 * above any real need and far below MongoDB's limit of 100 levels for a stored document, which would otherwise turn a
 * client's mistake into a database error.
 */
public final class FreeForm {

    public static final int MAX_DEPTH = 32;

    private FreeForm() {}

    /** Rejects a value nested deeper than {@value #MAX_DEPTH} levels as an invalid {@code field}. */
    public static void checkDepth(String field, Object value) {
        if (depth(value, 0) > MAX_DEPTH) {
            throw PlatformException.invalid(field, "is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private static int depth(Object value, int level) {
        if (level > MAX_DEPTH) {
            return level;
        }
        int deepest = level;
        if (value instanceof Map<?, ?> map) {
            for (Object child : map.values()) {
                deepest = Math.max(deepest, depth(child, level + 1));
            }
        } else if (value instanceof List<?> list) {
            for (Object child : list) {
                deepest = Math.max(deepest, depth(child, level + 1));
            }
        }
        return deepest;
    }
}
