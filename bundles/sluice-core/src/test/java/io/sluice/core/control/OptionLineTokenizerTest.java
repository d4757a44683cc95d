package io.sluice.core.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pushed options are split into words with OpenVPN's quoting rules. */
class OptionLineTokenizerTest {

    private static Optional<List<String>> t(String s) {
        return OptionLineTokenizer.tokenize(s);
    }

    @Test
    void wordsAreSeparatedByAnyWhiteSpace() {
        assertEquals(Optional.of(List.of("route", "10.0.0.0", "255.0.0.0")), t("  route\t10.0.0.0  255.0.0.0 "));
        assertEquals(Optional.of(List.of()), t(""));
    }

    @Test
    void doubleQuotesGroupAndBackslashEscapesInside() {
        assertEquals(Optional.of(List.of("setenv", "X", "a \"b\" c")), t("setenv X \"a \\\"b\\\" c\""));
        assertEquals(Optional.of(List.of("dhcp-option", "DOMAIN-SEARCH", "")), t("dhcp-option DOMAIN-SEARCH \"\""));
    }

    @Test
    void singleQuotesAreLiteral() {
        assertEquals(Optional.of(List.of("echo", "a\\b c")), t("echo 'a\\b c'"));
    }

    @Test
    void backslashOutsideQuotesEscapesOnlyBackslashQuoteAndSpace() {
        assertEquals(Optional.of(List.of("a b", "c\\d")), t("a\\ b c\\\\d"));
        assertEquals(Optional.empty(), t("a\\x"));
    }

    @Test
    void unclosedQuotesAreRefused() {
        assertEquals(Optional.empty(), t("echo \"abc"));
        assertEquals(Optional.empty(), t("echo 'abc"));
    }

    @Test
    void commentStartsAWordWithHashOrSemicolon() {
        assertEquals(Optional.of(List.of("route", "x")), t("route x #comment"));
        assertEquals(Optional.of(List.of("a#b")), t("a#b"));
    }

    @Test
    void wordsBeyondSixteenAreDropped() {
        assertEquals(16, t("a b c d e f g h i j k l m n o p q r").orElseThrow().size());
    }
}
