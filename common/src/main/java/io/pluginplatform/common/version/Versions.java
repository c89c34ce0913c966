package io.pluginplatform.common.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one ordering of image tags for every registry.
 *
 * <p>A tag is a version when it is an optional {@code v}, dot-separated numbers, then optionally a pre-release
 * ({@code -rc.1}, {@code -beta}, {@code rc1}) or further dot- or dash-separated parts. Numbers compare by value, left
 * to right; when one version's numbers are a prefix of the other's the longer is newer ({@code 1.2.1.20220429.104002}
 * after {@code 1.2.1}); a pre-release is older than its release. Tags that are not versions ({@code latest},
 * {@code stable}, {@code sha-…}) come after every version, alphabetically. Tags of equal precedence ({@code v1.0} and
 * {@code 1.0}) are ordered by their text, so that the order is total and distinct tags never compare equal.
 */
public final class Versions {

    /** Versions newest first, then the other tags alphabetically; {@code null} last. Never throws. */
    public static final Comparator<String> NEWEST_FIRST = Versions::compareNewestFirst;

    private Versions() {}

    /** All the tags, versions newest first, then the other tags alphabetically. */
    public static List<String> sortNewestFirst(Collection<String> tags) {
        List<Parsed> parsed = new ArrayList<>(tags.size());
        for (String tag : tags) {
            parsed.add(new Parsed(tag, Version.parse(tag)));
        }
        parsed.sort((left, right) -> compare(left.tag(), left.version(), right.tag(), right.version()));
        List<String> sorted = new ArrayList<>(parsed.size());
        for (Parsed each : parsed) {
            sorted.add(each.tag());
        }
        return Collections.unmodifiableList(sorted);
    }

    /**
     * The newest version that is not a pre-release; the newest pre-release when there are only pre-releases; empty
     * when no tag is a version ({@code latest} is never the latest version).
     */
    public static Optional<String> latest(Collection<String> tags) {
        Parsed newestRelease = null;
        Parsed newestPreRelease = null;
        for (String tag : tags) {
            Version version = Version.parse(tag);
            if (version == null) {
                continue;
            }
            Parsed candidate = new Parsed(tag, version);
            if (version.isPreRelease()) {
                newestPreRelease = newer(newestPreRelease, candidate);
            } else {
                newestRelease = newer(newestRelease, candidate);
            }
        }
        Parsed latest = newestRelease != null ? newestRelease : newestPreRelease;
        return Optional.ofNullable(latest).map(Parsed::tag);
    }

    public static boolean isVersion(String tag) {
        return Version.parse(tag) != null;
    }

    /** True for a version with a pre-release part ({@code 1.3.0-rc.1}); false for releases and non-versions. */
    public static boolean isPreRelease(String tag) {
        Version version = Version.parse(tag);
        return version != null && version.isPreRelease();
    }

    private static int compareNewestFirst(String left, String right) {
        return compare(left, Version.parse(left), right, Version.parse(right));
    }

    private static int compare(String left, Version leftVersion, String right, Version rightVersion) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        if (leftVersion != null && rightVersion != null) {
            int newestFirst = rightVersion.compareTo(leftVersion);
            return newestFirst != 0 ? newestFirst : left.compareTo(right);
        }
        if (leftVersion != null || rightVersion != null) {
            return leftVersion != null ? -1 : 1;
        }
        return left.compareTo(right);
    }

    private static Parsed newer(Parsed current, Parsed candidate) {
        if (current == null) {
            return candidate;
        }
        return compare(candidate.tag(), candidate.version(), current.tag(), current.version()) < 0
                ? candidate
                : current;
    }

    private record Parsed(String tag, Version version) {}
}
