package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;

/** Checks on the names clients give: field keys, nested keys inside values, names of stat outputs. */
final class Keys {

    static final int MAX_LENGTH = 256;

    private Keys() {}

    /**
     * Rejects a key that is missing, too long, contains {@code $} (an operator or a variable in MongoDB), a control
     * character, or an empty path segment ({@code a..b}, {@code .a}).
     */
    static void requireSafe(String key, String where) {
        if (key == null || key.isBlank()) {
            throw PlatformException.required(where);
        }
        if (key.length() > MAX_LENGTH) {
            throw PlatformException.invalid(where, "key is longer than " + MAX_LENGTH + " characters");
        }
        if (key.indexOf('$') >= 0) {
            throw PlatformException.invalid(where, "'" + shorten(key) + "' must not contain '$'");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw PlatformException.invalid(where, "key must not contain control characters");
            }
        }
        if (key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw PlatformException.invalid(where, "'" + shorten(key) + "' has an empty path segment");
        }
    }

    /** A name a stat stage produces: a plain, safe name without dots, and not {@code _id}. */
    static void requireSafeName(String name, String where) {
        requireSafe(name, where);
        if (name.indexOf('.') >= 0) {
            throw PlatformException.invalid(where, "'" + shorten(name) + "' must not contain '.'");
        }
        if (name.equals("_id")) {
            throw PlatformException.invalid(where, "'_id' is reserved");
        }
    }

    /** A client's text cut to a length fit for an error message. */
    static String shorten(Object text) {
        String value = String.valueOf(text);
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
