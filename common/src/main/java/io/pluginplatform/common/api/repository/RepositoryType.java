package io.pluginplatform.common.api.repository;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of repository; lower case on the wire as in the reference system. */
public enum RepositoryType {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("managed")
    MANAGED,
    @JsonProperty("remote")
    REMOTE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static RepositoryType fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase());
    }
}
