package io.pluginplatform.common.query;

import io.pluginplatform.common.error.PlatformException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions that are safe to run inside the database. A client's pattern runs in MongoDB, where a
 * catastrophic one would block it, so {@link #check} accepts only short patterns that compile and contain no
 * back-reference, no look-around and no repeated group whose body repeats or alternates ({@code (a+)+},
 * {@code (a|aa)*}) — the constructs behind exponential backtracking. {@link #literal} turns text into a pattern that
 * matches exactly that text.
 */
final class SafeRegex {

    static final int MAX_LENGTH = 256;
    private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

    private SafeRegex() {}

    /** {@code text} with every regular-expression metacharacter escaped, valid in both Java and PCRE. */
    static String literal(String text, String where) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw PlatformException.invalid(where, "text must not contain a NUL character");
            }
            if (METACHARACTERS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Rejects, with a 400 naming {@code where}, a pattern that is too long, invalid or prone to backtracking. */
    static void check(String pattern, String where) {
        if (pattern.length() > MAX_LENGTH) {
            throw PlatformException.invalid(where, "regular expression is longer than " + MAX_LENGTH + " characters");
        }
        if (pattern.indexOf('\0') >= 0) {
            throw PlatformException.invalid(where, "regular expression must not contain a NUL character");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException | StackOverflowError invalid) {
            throw PlatformException.invalid(where, "regular expression is invalid");
        }
        String problem = backtrackingProblem(pattern);
        if (problem != null) {
            throw PlatformException.invalid(where, "regular expression " + problem + " is not allowed");
        }
    }

    /** What makes the (compilable) pattern unsafe, or null. */
    static String backtrackingProblem(String pattern) {
        Deque<Group> groups = new ArrayDeque<>();
        Group current = new Group();
        Group justClosed = null;
        boolean afterQuantifier = false;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char next = i + 1 < n ? pattern.charAt(i + 1) : ' ';
                if (next >= '1' && next <= '9' || next == 'k' || next == 'g') {
                    return "with a back-reference";
                }
                i = skipEscape(pattern, i);
                justClosed = null;
                afterQuantifier = false;
            } else if (c == '[') {
                i = skipClass(pattern, i);
                justClosed = null;
                afterQuantifier = false;
            } else if (c == '(') {
                if (pattern.startsWith("(?=", i)
                        || pattern.startsWith("(?!", i)
                        || pattern.startsWith("(?<=", i)
                        || pattern.startsWith("(?<!", i)) {
                    return "with a look-around";
                }
                if (pattern.startsWith("(?P", i) || pattern.startsWith("(?R", i) || pattern.startsWith("(?&", i)) {
                    return "with a back-reference";
                }
                groups.push(current);
                current = new Group();
                i = skipGroupOpening(pattern, i);
                justClosed = null;
                afterQuantifier = false;
            } else if (c == ')') {
                Group closed = current;
                current = groups.isEmpty() ? new Group() : groups.pop();
                current.repeats |= closed.repeats;
                current.alternates |= closed.alternates;
                justClosed = closed;
                afterQuantifier = false;
                i++;
            } else if (c == '|') {
                current.alternates = true;
                justClosed = null;
                afterQuantifier = false;
                i++;
            } else if (c == '*' || c == '+' || c == '?' || c == '{' && quantifierEnd(pattern, i) > 0) {
                if (afterQuantifier) {
                    return "with a nested quantifier";
                }
                boolean optionalOnly = c == '?';
                int end = i + 1;
                if (c == '{') {
                    end = quantifierEnd(pattern, i);
                    optionalOnly = atMostOnce(pattern.substring(i + 1, end - 1));
                }
                if (justClosed != null && !optionalOnly && (justClosed.repeats || justClosed.alternates)) {
                    return "with a nested quantifier";
                }
                if (!optionalOnly) {
                    current.repeats = true;
                }
                i = end;
                if (i < n && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
                    i++;
                }
                justClosed = null;
                afterQuantifier = true;
            } else {
                justClosed = null;
                afterQuantifier = false;
                i++;
            }
        }
        return null;
    }

    private static int skipEscape(String pattern, int i) {
        int n = pattern.length();
        if (i + 1 >= n) {
            return n;
        }
        char next = pattern.charAt(i + 1);
        if (next == 'Q') {
            int end = pattern.indexOf("\\E", i + 2);
            return end < 0 ? n : end + 2;
        }
        if ((next == 'p' || next == 'P' || next == 'x' || next == 'N') && i + 2 < n && pattern.charAt(i + 2) == '{') {
            int end = pattern.indexOf('}', i + 3);
            return end < 0 ? n : end + 1;
        }
        if ((next == 'p' || next == 'P' || next == 'c') && i + 2 < n) {
            return i + 3;
        }
        return i + 2;
    }

    /** The index after the character class opening at {@code i}, nested classes included. */
    private static int skipClass(String pattern, int i) {
        int n = pattern.length();
        int depth = 0;
        int j = i;
        while (j < n) {
            char c = pattern.charAt(j);
            if (c == '\\') {
                j = skipEscape(pattern, j);
                continue;
            }
            if (c == '[') {
                depth++;
                j++;
                if (j < n && pattern.charAt(j) == '^') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                continue;
            }
            if (c == ']') {
                depth--;
                j++;
                if (depth == 0) {
                    return j;
                }
                continue;
            }
            j++;
        }
        return n;
    }

    /** The index after a group's opening: {@code (}, {@code (?:}, {@code (?<name>}, {@code (?i:} and the like. */
    private static int skipGroupOpening(String pattern, int i) {
        int n = pattern.length();
        if (i + 1 >= n || pattern.charAt(i + 1) != '?') {
            return i + 1;
        }
        int j = i + 2;
        if (j < n && pattern.charAt(j) == '<') {
            int end = pattern.indexOf('>', j);
            return end < 0 ? n : end + 1;
        }
        while (j < n && pattern.charAt(j) != ':' && pattern.charAt(j) != ')' && pattern.charAt(j) != '>') {
            j++;
        }
        return j < n && pattern.charAt(j) != ')' ? j + 1 : j;
    }

    /** The index after a {@code {n}}, {@code {n,}} or {@code {n,m}} quantifier starting at {@code i}, or -1. */
    private static int quantifierEnd(String pattern, int i) {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
            return -1;
        }
        String body = pattern.substring(i + 1, close);
        return body.matches("\\d{1,9}(,\\d{0,9})?") ? close + 1 : -1;
    }

    private static boolean atMostOnce(String body) {
        int comma = body.indexOf(',');
        if (comma < 0) {
            return Integer.parseInt(body) <= 1;
        }
        String max = body.substring(comma + 1);
        return !max.isEmpty() && Integer.parseInt(max) <= 1;
    }

    /** What a group's body contains, at any depth. */
    private static final class Group {
        boolean repeats;
        boolean alternates;
    }
}
