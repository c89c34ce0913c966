package io.pluginplatform.common.web;

import io.pluginplatform.common.error.PlatformException;

/** Merges a path parameter with the same field of the body: equal or absent is fine, a contradiction is 400. */
public final class PathParameters {

    private PathParameters() {}

    public static String merge(String key, String pathValue, String bodyValue) {
        String path = pathValue == null ? null : pathValue.trim();
        if (bodyValue != null && !bodyValue.isBlank() && !bodyValue.trim().equals(path)) {
            throw PlatformException.invalid(key, "the body contradicts the path");
        }
        return path;
    }
}
