package io.pluginplatform.common.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tag read as a version: its numeric parts and, for a pre-release, the pre-release identifiers split into runs of
 * letters and runs of digits ({@code rc.1}, {@code rc-1} and {@code rc1} all read as {@code [rc, 1]}).
 *
 * <p>Parsed by hand rather than with a regular expression so that no input, however long, can overflow the stack.
 * Numbers are kept as digit strings without leading zeros and compared by length then digits, so that arbitrarily
 * large numbers compare correctly without ever being converted.
 */
final class Version implements Comparable<Version> {

    private final List<String> numbers;
    private final List<String> preRelease;

    private Version(List<String> numbers, List<String> preRelease) {
        this.numbers = numbers;
        this.preRelease = preRelease;
    }

    boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** The version a tag denotes, or {@code null} when the tag is not a version. */
    static Version parse(String tag) {
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        int length = tag.length();
        int i = (tag.charAt(0) == 'v' || tag.charAt(0) == 'V') ? 1 : 0;
        List<String> numbers = new ArrayList<>();
        while (true) {
            int start = i;
            while (i < length && isDigit(tag.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            numbers.add(withoutLeadingZeros(tag, start, i));
            // a separator followed by a digit continues the numeric parts: 1.2.1.20220429 or 1.2.1-20220429
            if (i + 1 < length && isSeparator(tag.charAt(i)) && isDigit(tag.charAt(i + 1))) {
                i++;
                continue;
            }
            break;
        }
        List<String> preRelease = new ArrayList<>();
        if (i < length) {
            char first = tag.charAt(i);
            if (isSeparator(first)) {
                if (i + 1 >= length || !isLetter(tag.charAt(i + 1))) {
                    return null;
                }
                i = readIdentifier(tag, i + 1, preRelease);
            } else if (isLetter(first)) {
                // attached without a separator (1.3.0rc1): letters then digits only, so that a hexadecimal
                // commit id such as 3f2a1bc is not mistaken for a version
                int start = i;
                while (i < length && isLetter(tag.charAt(i))) {
                    i++;
                }
                preRelease.add(tag.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
                while (i < length && isDigit(tag.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    preRelease.add(withoutLeadingZeros(tag, start, i));
                }
            } else {
                return null;
            }
            while (i < length) {
                if (!isSeparator(tag.charAt(i)) || i + 1 >= length || !isAlphanumeric(tag.charAt(i + 1))) {
                    return null;
                }
                i = readIdentifier(tag, i + 1, preRelease);
            }
        }
        return new Version(List.copyOf(numbers), List.copyOf(preRelease));
    }

    /** Older is smaller. */
    @Override
    public int compareTo(Version other) {
        int byNumbers = compareParts(numbers, other.numbers);
        if (byNumbers != 0) {
            return byNumbers;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            // a release is newer than its pre-releases
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        return compareParts(preRelease, other.preRelease);
    }

    /** Part by part; when one list is a prefix of the other, the longer one is greater. */
    private static int compareParts(List<String> left, List<String> right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int result = comparePart(left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** Numbers by value, words alphabetically, and a number before a word (as in Semantic Versioning). */
    private static int comparePart(String left, String right) {
        boolean leftNumeric = isDigit(left.charAt(0));
        boolean rightNumeric = isDigit(right.charAt(0));
        if (leftNumeric && rightNumeric) {
            return left.length() != right.length()
                    ? Integer.compare(left.length(), right.length())
                    : left.compareTo(right);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return left.compareTo(right);
    }

    /** Reads {@code [A-Za-z0-9]+} from {@code start}, adding its letter and digit runs; returns the end index. */
    private static int readIdentifier(String tag, int start, List<String> parts) {
        int i = start;
        while (i < tag.length() && isAlphanumeric(tag.charAt(i))) {
            int runStart = i;
            boolean digits = isDigit(tag.charAt(i));
            while (i < tag.length() && isAlphanumeric(tag.charAt(i)) && isDigit(tag.charAt(i)) == digits) {
                i++;
            }
            parts.add(
                    digits
                            ? withoutLeadingZeros(tag, runStart, i)
                            : tag.substring(runStart, i).toLowerCase(Locale.ROOT));
        }
        return i;
    }

    private static String withoutLeadingZeros(String tag, int start, int end) {
        int i = start;
        while (i < end - 1 && tag.charAt(i) == '0') {
            i++;
        }
        return tag.substring(i, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }
}
