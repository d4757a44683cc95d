package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.config.internal.LineTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTokenizerTest {

    private static final SourceLocation AT = SourceLocation.inFile("t.conf", 7);

    private static List<String> words(String line) throws ConfigException {
        return LineTokenizer.tokenize(line, AT);
    }

    @Test
    void splitsOnAnyWhiteSpace() throws ConfigException {
        assertEquals(List.of("remote", "host", "1194"), words("  remote\thost   1194\r\n"));
    }

    @Test
    void hashAndSemicolonStartCommentsOnlyAtAWordStart() throws ConfigException {
        assertEquals(List.of(), words("# comment"));
        assertEquals(List.of(), words("   ; remote x"));
        assertEquals(List.of("verb", "3"), words("verb 3 # trailing"));
        assertEquals(List.of("verb", "3"), words("verb 3 ;trailing"));
        assertEquals(List.of("setenv", "A", "x#y;z"), words("setenv A x#y;z"));
    }

    @Test
    void doubleQuotesKeepSpacesAndHonourEscapes() throws ConfigException {
        assertEquals(List.of("push", "route 10.0.0.0 255.0.0.0"), words("push \"route 10.0.0.0 255.0.0.0\""));
        assertEquals(List.of("x", "a\"b\\c"), words("x \"a\\\"b\\\\c\""));
        assertEquals(List.of("x", ""), words("x \"\""));
    }

    @Test
    void singleQuotesAreLiteralIncludingBackslashes() throws ConfigException {
        assertEquals(List.of("ca", "C:\\keys\\ca.crt"), words("ca 'C:\\keys\\ca.crt'"));
    }

    @Test
    void backslashEscapesASpaceInAPlainWord() throws ConfigException {
        assertEquals(List.of("cd", "My Keys"), words("cd My\\ Keys"));
        assertEquals(List.of("x", "\"quoted\""), words("x \\\"quoted\\\""));
    }

    @Test
    void aClosingQuoteEndsTheWordEvenWithoutSpace() throws ConfigException {
        assertEquals(List.of("x", "ab", "cd"), words("x \"ab\"cd"));
    }

    @Test
    void badBackslashIsAnErrorNamingFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> words("ca C:\\keys\\ca.crt"));
        assertEquals("t.conf", e.file());
        assertEquals(7, e.line());
        assertEquals(true, e.getMessage().startsWith("t.conf:7: bad backslash"));
    }

    @Test
    void unterminatedQuotesAreErrors() {
        assertEquals("t.conf:7: no closing quotation (\") on this line",
                assertThrows(ConfigException.class, () -> words("push \"route 1")).getMessage());
        assertEquals("t.conf:7: no closing single quotation (') on this line",
                assertThrows(ConfigException.class, () -> words("x 'abc")).getMessage());
    }

    @Test
    void moreThanSixteenWordsIsAnError() {
        String line = "x" + " a".repeat(16);
        assertThrows(ConfigException.class, () -> words(line));
    }

    @Test
    void sixteenWordsAreAccepted() throws ConfigException {
        assertEquals(16, words("x" + " a".repeat(15)).size());
    }

    @Test
    void aParameterLongerThan256CharactersIsAnError() throws ConfigException {
        assertEquals(256, words("x \"" + "a".repeat(256) + "\"").get(1).length());
        assertThrows(ConfigException.class, () -> words("x \"" + "a".repeat(257) + "\""));
    }
}
