package io.pluginplatform.repository.badinput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object written from raw member values, so that a case can swap one member for a value of the wrong type or
 * for text that is not JSON at all, and leave the others valid.
 */
final class Body {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> members;

    private Body(Map<String, String> members) {
        this.members = members;
    }

    /** Pairs of member name and raw JSON value. */
    static Body of(String... namesAndRawValues) {
        Map<String, String> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRawValues.length; i += 2) {
            members.put(namesAndRawValues[i], namesAndRawValues[i + 1]);
        }
        return new Body(members);
    }

    Body with(String name, String rawValue) {
        Map<String, String> changed = new LinkedHashMap<>(members);
        changed.put(name, rawValue);
        return new Body(changed);
    }

    Body without(String name) {
        Map<String, String> changed = new LinkedHashMap<>(members);
        changed.remove(name);
        return new Body(changed);
    }

    String json() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        members.forEach((name, value) -> joiner.add(quote(name) + ": " + value));
        return joiner.toString();
    }

    @Override
    public String toString() {
        return json();
    }

    /** A JSON string literal. */
    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    /** A JSON list of {@code count} string literals {@code prefix0, prefix1, ...}. */
    static String stringList(String prefix, int count) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < count; i++) {
            joiner.add(quote(prefix + i));
        }
        return joiner.toString();
    }

    /** A JSON object of {@code count} members {@code prefix0: 0, prefix1: 1, ...}. */
    static String objectOfSize(String prefix, int count) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < count; i++) {
            joiner.add(quote(prefix + i) + ": " + i);
        }
        return joiner.toString();
    }

    /** Objects nested {@code depth} levels deep: {@code {"a": {"a": ... {} ...}}}. */
    static String nested(int depth) {
        return "{\"a\": ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
