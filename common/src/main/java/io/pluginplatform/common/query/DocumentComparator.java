package io.pluginplatform.common.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Orders documents by sort keys the way MongoDB does, so that pages read from several sources can be merged: values
 * of different types by MongoDB's type order (null and missing, numbers, strings, objects, arrays, ObjectIds,
 * booleans, dates), numbers by value across Java types, strings by code point, and an array field by its smallest
 * element ascending or its largest descending (an empty array before null). Keys may be dotted paths.
 */
public final class DocumentComparator implements Comparator<Map<String, Object>> {

    private static final Object EMPTY_ARRAY = new Object();
    private static final BigDecimal BEYOND_EVERY_NUMBER = BigDecimal.TEN.pow(6200);

    private final List<SortKey> keys;

    private DocumentComparator(List<SortKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Orders by {@code keys} in turn; documents equal on every key compare as 0. */
    public static DocumentComparator of(List<SortKey> keys) {
        return new DocumentComparator(keys == null ? List.of() : keys);
    }

    @Override
    public int compare(Map<String, Object> left, Map<String, Object> right) {
        for (SortKey key : keys) {
            boolean descending = key.descending();
            Object a = sortValue(left, key.key(), descending);
            Object b = sortValue(right, key.key(), descending);
            int order = compareValues(a, b);
            if (order != 0) {
                return descending ? -order : order;
            }
        }
        return 0;
    }

    /** Compares two values in MongoDB's order; null stands for null and for a missing value. */
    public static int compareValues(Object a, Object b) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (rankA) {
            case 3 -> compareNumbers((Number) a, (Number) b);
            case 4 -> compareStrings(a.toString(), b.toString());
            case 5 -> compareObjects((Map<?, ?>) a, (Map<?, ?>) b);
            case 6 -> compareArrays((Collection<?>) a, (Collection<?>) b);
            case 8 -> ((ObjectId) a).compareTo((ObjectId) b);
            case 9 -> Boolean.compare((Boolean) a, (Boolean) b);
            case 10 -> Long.compare(millis(a), millis(b));
            case 11 -> compareStrings(a.getClass().getName() + a, b.getClass().getName() + b);
            default -> 0;
        };
    }

    /** The value MongoDB sorts a document by: the extreme element of an array, null when missing. */
    private static Object sortValue(Map<String, Object> document, String path, boolean descending) {
        List<Object> found = new ArrayList<>();
        collect(document, path.split("\\.", -1), 0, found);
        Object best = null;
        boolean first = true;
        for (Object value : found) {
            if (first) {
                best = value;
                first = false;
                continue;
            }
            int order = compareValues(value, best);
            if (descending ? order > 0 : order < 0) {
                best = value;
            }
        }
        return best;
    }

    private static void collect(Object value, String[] path, int index, List<Object> found) {
        if (index == path.length) {
            if (value instanceof Collection<?> collection) {
                if (collection.isEmpty()) {
                    found.add(EMPTY_ARRAY);
                } else {
                    found.addAll(collection);
                }
            } else {
                found.add(value);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(path[index])) {
                collect(map.get(path[index]), path, index + 1, found);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                if (element instanceof Map<?, ?>) {
                    collect(element, path, index, found);
                }
            }
        }
    }

    private static int rank(Object value) {
        if (value == EMPTY_ARRAY) {
            return 1;
        }
        if (value == null) {
            return 2;
        }
        if (value instanceof Number) {
            return 3;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return 4;
        }
        if (value instanceof Map<?, ?>) {
            return 5;
        }
        if (value instanceof Collection<?>) {
            return 6;
        }
        if (value instanceof ObjectId) {
            return 8;
        }
        if (value instanceof Boolean) {
            return 9;
        }
        if (value instanceof Date || value instanceof Instant) {
            return 10;
        }
        return 11;
    }

    private static long millis(Object value) {
        return value instanceof Date date ? date.getTime() : ((Instant) value).toEpochMilli();
    }

    private static int compareNumbers(Number a, Number b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        if (x == null || y == null) {
            // NaN sorts below every other number, as in MongoDB
            return Boolean.compare(x != null, y != null);
        }
        return x.compareTo(y);
    }

    /** The exact value of a number; null for NaN. Infinities are mapped past every finite double. */
    private static BigDecimal decimal(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Decimal128 decimal128) {
            if (decimal128.isNaN()) {
                return null;
            }
            if (decimal128.isInfinite()) {
                return infinity(decimal128.isNegative());
            }
            return decimal128.bigDecimalValue();
        }
        double d = number.doubleValue();
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return infinity(d < 0);
        }
        return new BigDecimal(d);
    }

    private static BigDecimal infinity(boolean negative) {
        return negative ? BEYOND_EVERY_NUMBER.negate() : BEYOND_EVERY_NUMBER;
    }

    /** By code point, which is MongoDB's (UTF-8 byte) order without a collation. */
    private static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int compareObjects(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> x = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> y = b.entrySet().iterator();
        while (x.hasNext() && y.hasNext()) {
            Map.Entry<?, ?> left = x.next();
            Map.Entry<?, ?> right = y.next();
            int order = Integer.compare(rank(left.getValue()), rank(right.getValue()));
            if (order == 0) {
                order = compareStrings(String.valueOf(left.getKey()), String.valueOf(right.getKey()));
            }
            if (order == 0) {
                order = compareValues(left.getValue(), right.getValue());
            }
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    private static int compareArrays(Collection<?> a, Collection<?> b) {
        Iterator<?> x = a.iterator();
        Iterator<?> y = b.iterator();
        while (x.hasNext() && y.hasNext()) {
            int order = compareValues(x.next(), y.next());
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }
}
