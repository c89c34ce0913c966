package io.pluginplatform.common.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    private static final List<String> SEED_ORDER =
            List.of("1.2.2", "1.2.1.20220429.104002", "1.2.1.20220422.161421", "1.2.1.20220411.113807", "1.2.1");

    @Test
    void sortsTheSeedExampleNewestFirstWhateverTheInputOrder() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            List<String> shuffled = new ArrayList<>(SEED_ORDER);
            Collections.shuffle(shuffled, random);

            assertThat(Versions.sortNewestFirst(shuffled)).containsExactlyElementsOf(SEED_ORDER);
        }
    }

    @Test
    void comparesNumbersByValueNotByText() {
        assertThat(Versions.sortNewestFirst(List.of("1.9.0", "1.10.0", "1.2.0", "10.0.0", "9.0.0")))
                .containsExactly("10.0.0", "9.0.0", "1.10.0", "1.9.0", "1.2.0");
    }

    @Test
    void ordersPreReleasesBeforeTheirReleaseAndAfterThePreviousRelease() {
        assertThat(Versions.sortNewestFirst(List.of(
                        "1.3.0-rc.1", "1.2.9", "1.3.0", "1.3.0-beta", "1.3.0-rc.2", "1.3.0-rc.10", "1.3.0-alpha")))
                .containsExactly(
                        "1.3.0", "1.3.0-rc.10", "1.3.0-rc.2", "1.3.0-rc.1", "1.3.0-beta", "1.3.0-alpha", "1.2.9");
    }

    @Test
    void readsAttachedAndSeparatedPreReleasesAlike() {
        assertThat(Versions.sortNewestFirst(List.of("1.0.0rc2", "1.0.0-rc.1", "1.0.0", "1.0.0-rc3")))
                .containsExactly("1.0.0", "1.0.0-rc3", "1.0.0rc2", "1.0.0-rc.1");
    }

    @Test
    void putsTagsThatAreNotVersionsLastAlphabetically() {
        assertThat(Versions.sortNewestFirst(List.of("stable", "1.0.0", "latest", "sha-3f2a1bc", "v2.0", "edge")))
                .containsExactly("v2.0", "1.0.0", "edge", "latest", "sha-3f2a1bc", "stable");
    }

    @Test
    void ordersTagsOfEqualPrecedenceByTheirText() {
        assertThat(Versions.sortNewestFirst(List.of("v1.0", "1.0", "01.0"))).containsExactly("01.0", "1.0", "v1.0");
        assertThat(Versions.NEWEST_FIRST.compare("1.0", "v1.0")).isNegative();
    }

    @Test
    void comparesHugeNumbersWithoutOverflow() {
        String huge = "1." + "9".repeat(400);
        String larger = "1.1" + "0".repeat(400);

        assertThat(Versions.sortNewestFirst(List.of(huge, larger, "1.99999999999999999999")))
                .containsExactly(larger, huge, "1.99999999999999999999");
    }

    @Test
    void handlesVeryLongTagsWithoutOverflowingTheStack() {
        String longVersion = "1" + ".1".repeat(200_000);
        String longPreRelease = "1.0-rc" + ".a1".repeat(200_000);

        assertThat(Versions.isVersion(longVersion)).isTrue();
        assertThat(Versions.isPreRelease(longPreRelease)).isTrue();
        assertThat(Versions.NEWEST_FIRST.compare(longVersion, "1.1")).isNegative();
    }

    @Test
    void latestIsTheNewestReleaseAndNeverAPreReleaseOrAName() {
        assertThat(Versions.latest(List.of("latest", "1.2.0", "1.3.0-rc.1", "1.2.1", "stable")))
                .contains("1.2.1");
        assertThat(Versions.latest(SEED_ORDER)).contains("1.2.2");
    }

    @Test
    void latestIsTheNewestPreReleaseWhenThereAreOnlyPreReleases() {
        assertThat(Versions.latest(List.of("latest", "2.0.0-beta", "2.0.0-rc.1", "1.0.0-rc.9")))
                .contains("2.0.0-rc.1");
    }

    @Test
    void latestIsEmptyWithoutAnyVersion() {
        assertThat(Versions.latest(List.of("latest", "stable", "sha-3f2a1bc"))).isEmpty();
        assertThat(Versions.latest(List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1",
                "1.2.3",
                "v1.2.3",
                "V1.2",
                "1.2.1.20220429.104002",
                "1.2.1-20220429",
                "1.3.0-rc.1",
                "1.3.0-beta",
                "1.3.0rc1",
                "2.0_alpha-2",
                "0.0.0"
            })
    void recognisesVersions(String tag) {
        assertThat(Versions.isVersion(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "latest",
                "stable",
                "sha-3f2a1bc",
                "3f2a1bc",
                "v",
                "1.",
                "1..2",
                "1.2-",
                "1.2-rc.",
                "1.2 rc",
                "1.2+build",
                "-1.2",
                "1.2.3rc1a",
                "１.２"
            })
    void rejectsTagsThatAreNotVersions(String tag) {
        assertThat(Versions.isVersion(tag)).isFalse();
    }

    @Test
    void tellsPreReleasesFromReleases() {
        assertThat(Versions.isPreRelease("1.3.0-rc.1")).isTrue();
        assertThat(Versions.isPreRelease("1.3.0rc1")).isTrue();
        assertThat(Versions.isPreRelease("1.3.0-beta")).isTrue();
        assertThat(Versions.isPreRelease("1.3.0")).isFalse();
        assertThat(Versions.isPreRelease("1.2.1.20220429.104002")).isFalse();
        assertThat(Versions.isPreRelease("latest")).isFalse();
    }

    @Test
    void sortsNullLastInsteadOfThrowing() {
        assertThat(Versions.NEWEST_FIRST.compare(null, "latest")).isPositive();
        assertThat(Versions.NEWEST_FIRST.compare("1.0", null)).isNegative();
        assertThat(Versions.NEWEST_FIRST.compare(null, null)).isZero();
    }
}
