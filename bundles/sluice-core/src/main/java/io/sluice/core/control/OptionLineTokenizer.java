package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one pushed option into its words as OpenVPN 2.6 does (options.c {@code parse_line}):
 * words are separated by white space; {@code "..."} quotes a word in which backslash escapes
 * {@code \\}, {@code \"} and white space; {@code '...'} quotes a word taken literally; outside
 * single quotes a backslash may only escape a backslash, a double quote or white space; a word
 * starting with {@code #} or {@code ;} begins a comment. At most 16 words
 * ({@code MAX_PARMS}; more are dropped), each at most 256 characters.
 *
 * <p>Commas are not special here: the PUSH_REPLY is split on every comma before this runs.
 */
public final class OptionLineTokenizer {

    /** options.h {@code MAX_PARMS}. */
    public static final int MAX_WORDS = 16;
    /** options.h {@code OPTION_PARM_SIZE}: parse_line's word buffer, which it fills without a NUL. */
    public static final int MAX_WORD_LENGTH = 256;

    private OptionLineTokenizer() {
    }

    /** The words, or empty when OpenVPN would refuse the line (it then ignores the option). */
    public static Optional<List<String>> tokenize(String line) {
        final int initial = 0;
        final int unquoted = 1;
        final int quoted = 2;
        final int singleQuoted = 3;
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int state = initial;
        boolean backslash = false;
        for (int i = 0; i <= line.length(); i++) {
            char in = i < line.length() ? line.charAt(i) : '\0';
            char out = 0;
            boolean done = false;
            if (!backslash && in == '\\' && state != singleQuoted) {
                backslash = true;
                continue;
            }
            if (state == initial) {
                if (!space(in)) {
                    if (in == ';' || in == '#') {
                        break;
                    }
                    if (!backslash && in == '"') {
                        state = quoted;
                    } else if (!backslash && in == '\'') {
                        state = singleQuoted;
                    } else {
                        out = in;
                        state = unquoted;
                    }
                }
            } else if (state == unquoted) {
                if (!backslash && space(in)) {
                    done = true;
                } else {
                    out = in;
                }
            } else if (state == quoted) {
                if (!backslash && in == '"') {
                    done = true;
                } else {
                    out = in;
                }
            } else {
                if (in == '\'') {
                    done = true;
                } else {
                    out = in;
                }
            }
            if (done) {
                words.add(word.toString());
                word.setLength(0);
                state = initial;
            }
            if (backslash && out != 0 && !(out == '\\' || out == '"' || space(out))) {
                return Optional.empty(); // "Bad backslash ('\') usage"
            }
            backslash = false;
            if (out != 0) {
                if (word.length() >= MAX_WORD_LENGTH) {
                    return Optional.empty(); // "Parameter ... is too long"
                }
                word.append(out);
            }
            if (words.size() >= MAX_WORDS) {
                break;
            }
            if (in == '\0' && i == line.length()) {
                break;
            }
        }
        if (state != initial) {
            return Optional.empty(); // no closing quote, or a residual state
        }
        return Optional.of(List.copyOf(words));
    }

    private static boolean space(char c) {
        return c == '\0' || c == ' ' || (c >= '\t' && c <= '\r');
    }
}
