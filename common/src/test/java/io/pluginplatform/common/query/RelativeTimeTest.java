package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.CLOCK;
import static io.pluginplatform.common.query.Catalogues.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeTimeTest {

    @ParameterizedTest
    @CsvSource({
        "now,              2024-05-15T10:30:00Z",
        "now/d,            2024-05-15T00:00:00Z",
        "now/w,            2024-05-13T00:00:00Z",
        "now/m,            2024-05-01T00:00:00Z",
        "now - 30s,        2024-05-15T10:29:30Z",
        "now-5m,           2024-05-15T10:25:00Z",
        "now + 2h,         2024-05-15T12:30:00Z",
        "now/d - 7d,       2024-05-08T00:00:00Z",
        "now/w - 1w,       2024-05-06T00:00:00Z",
        "now/m+1d,         2024-05-02T00:00:00Z",
        "' now / d - 1d ', 2024-05-14T00:00:00Z",
        "now - 1d + 12h,   2024-05-14T22:30:00Z"
    })
    void resolvesAgainstTheClockInUtc(String text, String expected) {
        assertThat(RelativeTime.resolve(text, CLOCK, "v")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "today",
                "now/y",
                "now/",
                "now -",
                "now - d",
                "now - 1y",
                "now - 1.5d",
                "now 1d",
                "nowd",
                "now - 1234567890d",
                "now/dd",
                "NOW"
            })
    void rejectsAnythingElse(String text) {
        assertRejected(() -> RelativeTime.resolve(text, CLOCK, "v"), ErrorCode.ERROR_INVALID_PARAMETER);
    }
}
