package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The values of the {@code timediff_*} operators: {@code now}, optionally truncated to the start of the day
 * ({@code now/d}), ISO week ({@code now/w}, Monday) or month ({@code now/m}) in UTC, then shifted by terms such as
 * {@code - 7d} or {@code +12h} (units {@code s}, {@code m} minutes, {@code h}, {@code d}, {@code w}).
 */
final class RelativeTime {

    private static final int MAX_LENGTH = 64;
    private static final int MAX_DIGITS = 9;

    private RelativeTime() {}

    static Instant resolve(String text, Clock clock, String where) {
        if (text.length() > MAX_LENGTH) {
            throw invalid(where);
        }
        String s = text.replaceAll("\\s+", "");
        if (!s.startsWith("now")) {
            throw invalid(where);
        }
        ZonedDateTime time = clock.instant().atZone(ZoneOffset.UTC);
        int i = 3;
        if (i < s.length() && s.charAt(i) == '/') {
            if (i + 1 >= s.length()) {
                throw invalid(where);
            }
            time = switch (s.charAt(i + 1)) {
                case 'd' -> time.truncatedTo(ChronoUnit.DAYS);
                case 'w' -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case 'm' -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                default -> throw invalid(where);
            };
            i += 2;
        }
        Instant instant = time.toInstant();
        while (i < s.length()) {
            char sign = s.charAt(i);
            if (sign != '+' && sign != '-') {
                throw invalid(where);
            }
            int start = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            if (i == start || i - start > MAX_DIGITS || i >= s.length()) {
                throw invalid(where);
            }
            long amount = Long.parseLong(s.substring(start, i));
            long seconds = switch (s.charAt(i)) {
                case 's' -> amount;
                case 'm' -> amount * 60;
                case 'h' -> amount * 3_600;
                case 'd' -> amount * 86_400;
                case 'w' -> amount * 604_800;
                default -> throw invalid(where);
            };
            i++;
            instant = sign == '+' ? instant.plusSeconds(seconds) : instant.minusSeconds(seconds);
        }
        return instant;
    }

    private static PlatformException invalid(String where) {
        return PlatformException.invalid(
                where,
                "must be now, now/d, now/w or now/m, optionally followed by +/- a number with unit s, m, h, d or w");
    }
}
