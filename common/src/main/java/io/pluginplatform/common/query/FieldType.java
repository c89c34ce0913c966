package io.pluginplatform.common.query;

/** The type of a queryable field; condition values are converted to it. */
public enum FieldType {
    STRING,
    NUMBER,
    BOOLEAN,
    DATETIME,
    /** A list of strings: conditions apply to its elements. */
    STRING_LIST,
    /** A list of objects: nested keys and {@code match} apply to its elements. */
    OBJECT_LIST,
    /** An object with free keys ({@code tags}, {@code labels}, {@code capability}): nested keys are allowed. */
    MAP,
    /** Any value, unconverted: what a nested key below a map has, and what stat stages produce. */
    ANY;

    /** True when nested keys ({@code tags.icon}) are allowed below a field of this type. */
    boolean allowsNestedKeys() {
        return this == MAP || this == OBJECT_LIST || this == ANY;
    }
}
