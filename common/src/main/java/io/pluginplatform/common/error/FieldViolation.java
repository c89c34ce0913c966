package io.pluginplatform.common.error;

/** One offending request field, listed in a problem detail's {@code errors}. */
public record FieldViolation(String field, String message) {}
