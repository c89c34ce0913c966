package io.pluginplatform.common.query;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object of a stat stage, read strictly: each property has one expected type, an alias may stand for its name
 * ({@code k} for {@code key}), and a property nobody read is rejected as unknown, so that a typo is a 400.
 */
final class RawObject {

    private final Map<?, ?> values;
    private final String where;
    private final Set<Object> read = new HashSet<>();

    private RawObject(Map<?, ?> values, String where) {
        this.values = values;
        this.where = where;
    }

    static RawObject of(Object value, String where) {
        if (value == null) {
            throw PlatformException.required(where);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw typeError(where, "object");
        }
        return new RawObject(map, where);
    }

    String where() {
        return where;
    }

    String where(String name) {
        return where + "." + name;
    }

    /** The property's value under its name or an alias; null when absent. */
    Object get(String name, String... aliases) {
        read.add(name);
        Object value = values.get(name);
        for (String alias : aliases) {
            read.add(alias);
            if (value == null) {
                value = values.get(alias);
            }
        }
        return value;
    }

    String string(String name, String... aliases) {
        Object value = get(name, aliases);
        if (value != null && !(value instanceof String)) {
            throw typeError(where(name), "string");
        }
        return value == null ? null : ((String) value).trim();
    }

    String requiredString(String name, String... aliases) {
        String value = string(name, aliases);
        if (value == null || value.isEmpty()) {
            throw PlatformException.required(where(name));
        }
        return value;
    }

    Boolean bool(String name, String... aliases) {
        Object value = get(name, aliases);
        if (value != null && !(value instanceof Boolean)) {
            throw typeError(where(name), "boolean");
        }
        return (Boolean) value;
    }

    List<?> list(String name, String... aliases) {
        Object value = get(name, aliases);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw typeError(where(name), "list");
        }
        return list;
    }

    /** Rejects every property that no getter read. */
    void rejectUnknown() {
        for (Object key : values.keySet()) {
            if (!read.contains(key)) {
                throw PlatformException.invalid(where + "." + Keys.shorten(key), "unknown property");
            }
        }
    }

    static PlatformException typeError(String where, String type) {
        return PlatformException.of(ErrorCode.ERROR_INVALID_PARAMETER_TYPE, "key", where, "type", type)
                .withViolation(where, "must be of type " + type);
    }

    /** A non-negative whole number: JSON integers, or a float with no fraction. */
    static long wholeNumber(Object value, String where) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Number number && !(value instanceof java.math.BigInteger)) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
        }
        if (value == null) {
            throw PlatformException.required(where);
        }
        throw typeError(where, "integer");
    }
}
