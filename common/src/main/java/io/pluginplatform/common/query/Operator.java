package io.pluginplatform.common.query;

import java.util.Locale;

/** The condition operators of the query language, by wire name, and the value shape each expects. */
enum Operator {
    EQ("eq", Shape.SCALAR),
    NOT("not", Shape.SCALAR),
    LT("lt", Shape.SCALAR),
    LTE("lte", Shape.SCALAR),
    GT("gt", Shape.SCALAR),
    GTE("gte", Shape.SCALAR),
    EXISTS("exists", Shape.BOOLEAN),
    CONTAIN("contain", Shape.SCALAR),
    NOT_CONTAIN("not_contain", Shape.SCALAR),
    IN("in", Shape.LIST),
    NOT_IN("not_in", Shape.LIST),
    CONTAIN_IN("contain_in", Shape.LIST),
    NOT_CONTAIN_IN("not_contain_in", Shape.LIST),
    MATCH("match", Shape.OBJECT),
    REGEX("regex", Shape.SCALAR),
    REGEX_IN("regex_in", Shape.LIST),
    DATETIME_LT("datetime_lt", Shape.SCALAR),
    DATETIME_LTE("datetime_lte", Shape.SCALAR),
    DATETIME_GT("datetime_gt", Shape.SCALAR),
    DATETIME_GTE("datetime_gte", Shape.SCALAR),
    TIMEDIFF_LT("timediff_lt", Shape.SCALAR),
    TIMEDIFF_LTE("timediff_lte", Shape.SCALAR),
    TIMEDIFF_GT("timediff_gt", Shape.SCALAR),
    TIMEDIFF_GTE("timediff_gte", Shape.SCALAR);

    enum Shape {
        SCALAR,
        LIST,
        OBJECT,
        BOOLEAN
    }

    private final String wireName;
    private final Shape shape;

    Operator(String wireName, Shape shape) {
        this.wireName = wireName;
        this.shape = shape;
    }

    String wireName() {
        return wireName;
    }

    Shape shape() {
        return shape;
    }

    /** The operator with this wire name (case-insensitive, trimmed), {@code eq} when absent, or null when unknown. */
    static Operator fromWire(String name) {
        if (name == null || name.isBlank()) {
            return EQ;
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Operator operator : values()) {
            if (operator.wireName.equals(wanted)) {
                return operator;
            }
        }
        return null;
    }
}
