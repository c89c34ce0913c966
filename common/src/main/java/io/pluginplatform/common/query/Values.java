package io.pluginplatform.common.query;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Converts condition values to the type of their field ({@code "5"} against a number is 5, an ISO string against a
 * timestamp is a {@link Date}) and makes sure every value handed to MongoDB is plain data: strings, numbers,
 * booleans, dates, lists and documents whose keys carry no {@code $}, so that no value can smuggle in an operator.
 */
final class Values {

    static final int MAX_DEPTH = 32;
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,4})?");

    private Values() {}

    /** A scalar value converted to {@code type}; lists are the caller's business, documents allowed only for maps. */
    static Object convert(Object value, FieldType type, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            if (type == FieldType.MAP || type == FieldType.OBJECT_LIST || type == FieldType.ANY) {
                return plain(value, where, 0);
            }
            throw typeError(where, type);
        }
        return switch (type) {
            case STRING, STRING_LIST -> text(value, where);
            case NUMBER -> number(value, where);
            case BOOLEAN -> bool(value, where);
            case DATETIME -> date(value, where);
            case MAP, OBJECT_LIST, ANY -> plain(value, where, 0);
        };
    }

    /** The value as text: strings as they are, numbers and booleans written out. */
    static String text(Object value, String where) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Boolean || value instanceof Enum<?>) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (value instanceof Number) {
            Object number = normalizeNumber(value, where);
            if (number instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return number.toString();
        }
        throw typeError(where, FieldType.STRING);
    }

    static Object number(Object value, String where) {
        if (value instanceof Number) {
            return normalizeNumber(value, where);
        }
        if (value instanceof String string) {
            String trimmed = string.trim();
            if (trimmed.length() <= MAX_NUMBER_LENGTH
                    && DECIMAL.matcher(trimmed).matches()) {
                try {
                    return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
                } catch (NumberFormatException notLong) {
                    double parsed = Double.parseDouble(trimmed);
                    if (Double.isFinite(parsed)) {
                        return parsed;
                    }
                }
            }
        }
        throw typeError(where, FieldType.NUMBER);
    }

    static Boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String string) {
            String trimmed = string.trim().toLowerCase(Locale.ROOT);
            if (trimmed.equals("true") || trimmed.equals("false")) {
                return Boolean.valueOf(trimmed);
            }
        }
        throw typeError(where, FieldType.BOOLEAN);
    }

    static Date date(Object value, String where) {
        if (value instanceof Date d) {
            return new Date(d.getTime());
        }
        if (value instanceof Instant instant) {
            return toDate(instant, where);
        }
        if (value instanceof String string) {
            Instant parsed = parseInstant(string.trim());
            if (parsed != null) {
                return toDate(parsed, where);
            }
        }
        throw typeError(where, FieldType.DATETIME);
    }

    /**
     * An ISO-8601 timestamp ({@code 2022-01-01T08:02:38.094Z}, with an offset, without a zone meaning UTC) or date
     * ({@code 2022-01-01}, midnight UTC); null when the text is none of them.
     */
    static Instant parseInstant(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                return null;
            }
        }
    }

    static Date toDate(Instant instant, String where) {
        try {
            return Date.from(instant);
        } catch (IllegalArgumentException | ArithmeticException outOfRange) {
            throw typeError(where, FieldType.DATETIME);
        }
    }

    /**
     * A copy of a client value that MongoDB can only read as data: documents with safe keys, lists, strings, finite
     * numbers, booleans, dates and null; anything else is a 400.
     */
    static Object plain(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw PlatformException.invalid(where, "value is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            return normalizeNumber(value, where);
        }
        if (value instanceof Date d) {
            return new Date(d.getTime());
        }
        if (value instanceof Instant instant) {
            return toDate(instant, where);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw PlatformException.invalid(where, "object keys must be strings");
                }
                Keys.requireSafe(key, where);
                document.put(key, plain(entry.getValue(), where, depth + 1));
            }
            return document;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            for (Object element : collection) {
                list.add(plain(element, where, depth + 1));
            }
            return list;
        }
        throw PlatformException.of(ErrorCode.ERROR_INVALID_PARAMETER_TYPE, "key", where, "type", "json value");
    }

    /** Integral numbers as {@link Long}, others as finite {@link Double}; the types every MongoDB codec knows. */
    static Object normalizeNumber(Object value, String where) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            return finite(big.doubleValue(), where);
        }
        if (value instanceof BigDecimal decimal) {
            return finite(decimal.doubleValue(), where);
        }
        if (value instanceof Double || value instanceof Float) {
            return finite(((Number) value).doubleValue(), where);
        }
        throw typeError(where, FieldType.NUMBER);
    }

    private static Double finite(double value, String where) {
        if (!Double.isFinite(value)) {
            throw typeError(where, FieldType.NUMBER);
        }
        return value;
    }

    static PlatformException typeError(String where, FieldType type) {
        return PlatformException.of(
                        ErrorCode.ERROR_INVALID_PARAMETER_TYPE,
                        "key",
                        where,
                        "type",
                        type.name().toLowerCase(Locale.ROOT))
                .withViolation(where, "must be of type " + type.name().toLowerCase(Locale.ROOT));
    }
}
