package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code date_format} of a group key as an aggregation expression: {@code year}, {@code month}, {@code day} or a
 * strftime pattern with MongoDB's {@code $dateToString} specifiers, in UTC. {@code %w} (day of the week, 1 for
 * Sunday) is computed from the ISO {@code %u} (1 for Monday), because the embedded store supports neither {@code %w}
 * nor a correct {@code $dayOfWeek}.
 */
final class DateFormats {

    static final int MAX_LENGTH = 64;
    private static final String SPECIFIERS = "dGHjLmMSwuUVYzZ%";
    private static final Map<String, String> NAMED = Map.of("year", "%Y", "month", "%Y-%m", "day", "%Y-%m-%d");

    private DateFormats() {}

    static Object expression(String dateFormat, String fieldReference, String where) {
        String format = NAMED.getOrDefault(dateFormat, dateFormat);
        validate(format, where);
        if (!format.contains("%w")) {
            return dateToString(format, fieldReference);
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            if (format.startsWith("%w", i) && !escapedPercent(format, i)) {
                flush(run, parts, fieldReference);
                parts.add(dayOfWeek(fieldReference));
                i++;
            } else {
                run.append(format.charAt(i));
            }
        }
        flush(run, parts, fieldReference);
        return new Document("$concat", parts);
    }

    private static void validate(String format, String where) {
        if (format.isEmpty() || format.length() > MAX_LENGTH) {
            throw PlatformException.invalid(
                    where, "must be year, month, day or a strftime pattern of at most " + MAX_LENGTH + " characters");
        }
        boolean specifier = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '$' || Character.isISOControl(c)) {
                throw PlatformException.invalid(where, "date format must not contain '$' or control characters");
            }
            if (c == '%') {
                if (i + 1 >= format.length() || SPECIFIERS.indexOf(format.charAt(i + 1)) < 0) {
                    throw PlatformException.invalid(
                            where, "date format specifiers are %Y %m %d %H %M %S %L %j %w %u %U %V %G %z %Z and %%");
                }
                specifier |= format.charAt(i + 1) != '%';
                i++;
            }
        }
        if (!specifier) {
            throw PlatformException.invalid(where, "must be year, month, day or a strftime pattern such as %Y-%m");
        }
    }

    /** True when the {@code %} at {@code i} is the second character of a {@code %%}. */
    private static boolean escapedPercent(String format, int i) {
        int percents = 0;
        for (int j = i - 1; j >= 0 && format.charAt(j) == '%'; j--) {
            percents++;
        }
        return percents % 2 == 1;
    }

    private static void flush(StringBuilder run, List<Object> parts, String fieldReference) {
        if (run.isEmpty()) {
            return;
        }
        String text = run.toString();
        parts.add(text.indexOf('%') >= 0 ? dateToString(text, fieldReference) : new Document("$literal", text));
        run.setLength(0);
    }

    /** {@code %w} as {@code (%u mod 7) + 1}, written as text. */
    private static Document dayOfWeek(String fieldReference) {
        Document isoDay = new Document("$toInt", dateToString("%u", fieldReference));
        Document sundayFirst = new Document("$add", List.of(new Document("$mod", List.of(isoDay, 7)), 1));
        // $toInt again: the embedded store's $mod answers a double
        return new Document("$toString", new Document("$toInt", sundayFirst));
    }

    private static Document dateToString(String format, String fieldReference) {
        return new Document("$dateToString", new Document("format", format).append("date", fieldReference));
    }
}
