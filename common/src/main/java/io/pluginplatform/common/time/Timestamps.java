package io.pluginplatform.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the API writes them, {@code 2022-01-01T08:02:38.094Z}: UTC, always with milliseconds (also when they
 * are zero, where {@link Instant#toString()} would drop them).
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** The instant in UTC with exactly three fractional digits; finer precision is truncated. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads an ISO-8601 instant ({@code Z} or an offset, any number of fractional digits).
     *
     * @throws DateTimeParseException when the text is not such an instant
     */
    public static Instant parse(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** The clock's current instant truncated to milliseconds, so that what is stored is what is read back. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
