package io.pluginplatform.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void formatsInUtcWithMilliseconds() {
        assertThat(Timestamps.format(Instant.parse("2022-01-01T08:02:38.094Z"))).isEqualTo("2022-01-01T08:02:38.094Z");
    }

    @Test
    void keepsTheMillisecondsWhenTheyAreZero() {
        assertThat(Timestamps.format(Instant.parse("2022-01-01T08:02:38Z"))).isEqualTo("2022-01-01T08:02:38.000Z");
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void truncatesPrecisionBeyondMilliseconds() {
        assertThat(Timestamps.format(Instant.parse("2022-01-01T08:02:38.094999999Z")))
                .isEqualTo("2022-01-01T08:02:38.094Z");
    }

    @Test
    void parsesWhatItFormats() {
        Instant instant = Instant.parse("2021-06-14T08:14:23.175Z");

        assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
    }

    @Test
    void parsesOffsetsAndOtherPrecisions() {
        assertThat(Timestamps.parse("2022-01-01T09:02:38.094+01:00")).isEqualTo("2022-01-01T08:02:38.094Z");
        assertThat(Timestamps.parse("2022-01-01T08:02:38Z")).isEqualTo("2022-01-01T08:02:38Z");
    }

    @Test
    void rejectsTextThatIsNotAnInstant() {
        assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> Timestamps.parse("yesterday"));
        assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> Timestamps.parse("2022-01-01"));
    }

    @Test
    void nowIsTheClockTruncatedToMilliseconds() {
        Clock clock = Clock.fixed(Instant.parse("2022-01-01T08:02:38.094512Z"), ZoneId.of("UTC"));

        assertThat(Timestamps.now(clock)).isEqualTo("2022-01-01T08:02:38.094Z");
    }
}
