package io.pluginplatform.common.query;

import static io.pluginplatform.common.query.Catalogues.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.pluginplatform.common.error.ErrorCode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRegexTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^jira",
                "slack$",
                "^plugin-[a-z0-9-]+$",
                "a.*b.*c",
                "(foo)?bar",
                "(?:abc)",
                "(ab+)?c",
                "(?i)Jira",
                "\\d{1,3}\\.\\d{1,3}",
                "[(a+)+]*",
                "\\(a+\\)+",
                "\\Q(a+)+\\E",
                "(?<name>x)y",
                "x{2}",
                "a+?b*+",
                "(a|b)"
            })
    void acceptsOrdinaryPatterns(String pattern) {
        assertThatCode(() -> SafeRegex.check(pattern, "v")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(a+)+",
                "(a*)*",
                "(a|b+)*",
                "(a|aa)+",
                "(a|a)*b",
                "((a+))+",
                "(a+){2,}",
                "(?:a+)+",
                "(?:x|y+)+",
                "(\\w+\\s?)+$",
                "([a-z]+)*@",
                "(.*){1,32000}[bc]",
                "a{2}{3}"
            })
    void rejectsNestedQuantifiers(String pattern) {
        assertThat(SafeRegex.backtrackingProblem(pattern)).contains("nested quantifier");
        assertRejected(() -> SafeRegex.check(pattern, "v"), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?<x>a)\\k<x>", "(a)(b)\\2"})
    void rejectsBackReferences(String pattern) {
        assertThat(SafeRegex.backtrackingProblem(pattern)).contains("back-reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b"})
    void rejectsLookArounds(String pattern) {
        assertThat(SafeRegex.backtrackingProblem(pattern)).contains("look-around");
    }

    @Test
    void rejectsPatternsLongerThan256Characters() {
        assertThatCode(() -> SafeRegex.check("a".repeat(256), "v")).doesNotThrowAnyException();
        assertRejected(() -> SafeRegex.check("a".repeat(257), "v"), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[a-", "*a", "a{2,1}", "\\", "x\u0000"})
    void rejectsInvalidPatterns(String pattern) {
        assertRejected(() -> SafeRegex.check(pattern, "v"), ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void literalEscapesEveryMetacharacter() {
        String text = "a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o";

        String literal = SafeRegex.literal(text, "v");

        assertThat(Pattern.compile(literal).matcher("xx" + text + "yy").find()).isTrue();
        assertThat(Pattern.compile(literal)
                        .matcher("aXb*c+d?e(f)g[h]i{j}k|l^m$n\\o")
                        .find())
                .isFalse();
        assertThat(SafeRegex.backtrackingProblem(literal)).isNull();
    }

    @Test
    void literalRejectsNul() {
        assertRejected(() -> SafeRegex.literal("a\u0000", "v"), ErrorCode.ERROR_INVALID_PARAMETER);
    }
}
