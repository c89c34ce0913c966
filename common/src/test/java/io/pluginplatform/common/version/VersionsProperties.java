package io.pluginplatform.common.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class VersionsProperties {

    @Property
    void isAntisymmetric(@ForAll("tags") String left, @ForAll("tags") String right) {
        assertThat(Integer.signum(Versions.NEWEST_FIRST.compare(left, right)))
                .isEqualTo(-Integer.signum(Versions.NEWEST_FIRST.compare(right, left)));
    }

    @Property
    void isConsistentWithEquals(@ForAll("tags") String left, @ForAll("tags") String right) {
        assertThat(Versions.NEWEST_FIRST.compare(left, right) == 0).isEqualTo(left.equals(right));
    }

    @Property
    void isTransitive(@ForAll("tags") String first, @ForAll("tags") String second, @ForAll("tags") String third) {
        List<String> ordered = new ArrayList<>(List.of(first, second, third));
        ordered.sort(Versions.NEWEST_FIRST);

        assertThat(Versions.NEWEST_FIRST.compare(ordered.get(0), ordered.get(1)))
                .isNotPositive();
        assertThat(Versions.NEWEST_FIRST.compare(ordered.get(1), ordered.get(2)))
                .isNotPositive();
        assertThat(Versions.NEWEST_FIRST.compare(ordered.get(0), ordered.get(2)))
                .isNotPositive();
    }

    @Property
    void sortedListIsOrderedPairwise(@ForAll("tagLists") List<String> tags) {
        List<String> sorted = Versions.sortNewestFirst(tags);

        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(Versions.NEWEST_FIRST.compare(sorted.get(i), sorted.get(j)))
                        .isNotPositive();
            }
        }
    }

    @Property
    void sortDoesNotDependOnInputOrder(@ForAll("tagLists") List<String> tags, @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(tags);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(Versions.sortNewestFirst(shuffled)).isEqualTo(Versions.sortNewestFirst(tags));
        assertThat(Versions.sortNewestFirst(tags)).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Property
    void putsEveryVersionBeforeEveryOtherTag(@ForAll("tagLists") List<String> tags) {
        List<String> sorted = Versions.sortNewestFirst(tags);

        int firstName = 0;
        while (firstName < sorted.size() && Versions.isVersion(sorted.get(firstName))) {
            firstName++;
        }
        assertThat(sorted.subList(firstName, sorted.size())).noneMatch(Versions::isVersion);
        assertThat(sorted.subList(firstName, sorted.size())).isSorted();
    }

    @Property
    void ordersAPreReleaseAfterItsRelease(
            @ForAll("releases") String release, @ForAll("preReleaseSuffixes") String suffix) {
        String preRelease = release + suffix;
        Assume.that(Versions.isPreRelease(preRelease));

        assertThat(Versions.NEWEST_FIRST.compare(release, preRelease)).isNegative();
    }

    @Property
    void comparesNumbersByValue(
            @ForAll @IntRange(min = 0, max = 1_000_000) int left,
            @ForAll @IntRange(min = 0, max = 1_000_000) int right) {
        Assume.that(left != right);
        String leftTag = "1." + left + ".0";
        String rightTag = "1." + right + ".0";

        // newest first: the larger number comes first
        assertThat(Integer.signum(Versions.NEWEST_FIRST.compare(leftTag, rightTag)))
                .isEqualTo(Integer.signum(Integer.compare(right, left)));
    }

    @Property
    void neverThrowsForAnyText(@ForAll String left, @ForAll String right) {
        int result = Versions.NEWEST_FIRST.compare(left, right);

        assertThat(result == 0).isEqualTo(left.equals(right));
    }

    @Property
    void latestIsAVersionAndNoReleaseIsNewer(@ForAll("tagLists") List<String> tags) {
        Versions.latest(tags)
                .ifPresentOrElse(
                        latest -> {
                            assertThat(Versions.isVersion(latest)).isTrue();
                            boolean anyRelease = tags.stream()
                                    .anyMatch(tag -> Versions.isVersion(tag) && !Versions.isPreRelease(tag));
                            assertThat(Versions.isPreRelease(latest)).isEqualTo(!anyRelease);
                            assertThat(tags.stream()
                                            .filter(tag -> Versions.isVersion(tag) && !Versions.isPreRelease(tag))
                                            .filter(tag -> Versions.NEWEST_FIRST.compare(tag, latest) < 0))
                                    .isEmpty();
                        },
                        () -> assertThat(tags).noneMatch(Versions::isVersion));
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, versions()),
                Tuple.of(2, Arbitraries.of("latest", "stable", "edge", "sha-3f2a1bc", "main", "v", "1.")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)),
                Tuple.of(
                        1, Arbitraries.strings().withChars("0123456789.-_vrcab").ofMaxLength(10)));
    }

    @Provide
    Arbitrary<List<String>> tagLists() {
        return tags().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> releases() {
        return Combinators.combine(
                        Arbitraries.of("", "v"), numbers().list().ofMinSize(1).ofMaxSize(5))
                .as((prefix, numbers) -> prefix + String.join(".", numbers));
    }

    @Provide
    Arbitrary<String> preReleaseSuffixes() {
        return Arbitraries.of("-rc.1", "-rc.2", "-rc.10", "-beta", "-alpha.1", "rc1", "beta2", "-RC1", "_dev", "-rc-1");
    }

    private Arbitrary<String> versions() {
        return Combinators.combine(
                        releases(),
                        Arbitraries.of("", "", "", "-rc.1", "-rc.2", "-beta", "rc1", "-alpha.beta", ".20220429.104002"))
                .as((release, suffix) -> release + suffix);
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 12).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("00", "01", "010", "20220429")),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40)));
    }
}
