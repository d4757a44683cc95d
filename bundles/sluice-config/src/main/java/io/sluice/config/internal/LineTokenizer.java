package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one configuration line into words the way OpenVPN 2.6 does.
 *
 * <ul>
 *   <li>Words are separated by white space. A word that starts with {@code #} or {@code ;} starts a
 *       comment that runs to the end of the line; inside a word these characters are ordinary.</li>
 *   <li>{@code "..."} quotes a word; inside it a backslash escapes {@code \}, {@code "} or white
 *       space. {@code '...'} quotes a word literally, backslashes included.</li>
 *   <li>Outside single quotes a backslash may only escape {@code \}, {@code "} or white space;
 *       anything else is an error (OpenVPN's "bad backslash usage", which catches unescaped
 *       Windows paths).</li>
 *   <li>A closing quote ends the word even if more text follows immediately.</li>
 *   <li>A word may be at most {@value #MAX_WORD} characters, and a line at most {@value #MAX_WORDS}
 *       words (OpenVPN silently drops extra words; Sluice reports them).</li>
 * </ul>
 */
public final class LineTokenizer {

    /** OpenVPN's OPTION_PARM_SIZE. */
    public static final int MAX_WORD = 256;
    /** OpenVPN's MAX_PARMS: the option name and at most 15 arguments. */
    public static final int MAX_WORDS = 16;

    private LineTokenizer() {
    }

    private enum State { BETWEEN, PLAIN, DOUBLE, SINGLE }

    /** Whether OpenVPN's parser treats {@code c} as white space (C {@code isspace}). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * The words of {@code line}; empty for a blank or comment line.
     *
     * @throws ConfigException on an unterminated quote, a bad backslash, an over-long word or too
     *     many words
     */
    public static List<String> tokenize(String line, SourceLocation where) throws ConfigException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        State state = State.BETWEEN;
        boolean escaped = false;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            // The end of the line behaves like C's terminating NUL: white space that ends a word.
            char in = i < n ? line.charAt(i) : '\0';
            boolean end = i == n;
            if (!escaped && in == '\\' && !end && state != State.SINGLE) {
                escaped = true;
                continue;
            }
            char out = 0;
            boolean hasOut = false;
            boolean wordDone = false;
            switch (state) {
                case BETWEEN -> {
                    if (!end && !isSpace(in)) {
                        if (in == '#' || in == ';') {
                            i = n; // comment: ignore the rest of the line
                            escaped = false;
                            continue;
                        }
                        if (!escaped && in == '"') {
                            state = State.DOUBLE;
                        } else if (!escaped && in == '\'') {
                            state = State.SINGLE;
                        } else {
                            out = in;
                            hasOut = true;
                            state = State.PLAIN;
                        }
                    }
                }
                case PLAIN -> {
                    if (end && escaped) {
                        throw ConfigException.atLocation(where, "the line ends with a backslash inside a parameter");
                    }
                    if (end || (!escaped && isSpace(in))) {
                        wordDone = true;
                    } else {
                        out = in;
                        hasOut = true;
                    }
                }
                case DOUBLE -> {
                    if (end) {
                        throw ConfigException.atLocation(where, "no closing quotation (\") on this line");
                    }
                    if (!escaped && in == '"') {
                        wordDone = true;
                    } else {
                        out = in;
                        hasOut = true;
                    }
                }
                case SINGLE -> {
                    if (end) {
                        throw ConfigException.atLocation(where, "no closing single quotation (') on this line");
                    }
                    if (in == '\'') {
                        wordDone = true;
                    } else {
                        out = in;
                        hasOut = true;
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (wordDone) {
                if (words.size() == MAX_WORDS) {
                    throw ConfigException.atLocation(where, "too many words on one line (OpenVPN reads at most "
                            + MAX_WORDS + ": the option and " + (MAX_WORDS - 1) + " arguments)");
                }
                words.add(word.toString());
                word.setLength(0);
                state = State.BETWEEN;
            }
            if (escaped && hasOut && !(out == '\\' || out == '"' || isSpace(out))) {
                throw ConfigException.atLocation(where, "bad backslash ('\\') usage: a backslash may only escape"
                        + " \\, \" or a space; write Windows paths with double backslashes");
            }
            escaped = false;
            if (hasOut) {
                if (word.length() >= MAX_WORD) {
                    throw ConfigException.atLocation(where, "a parameter is too long (at most " + MAX_WORD
                            + " characters)");
                }
                word.append(out);
            }
        }
        return words;
    }
}
