package io.sluice.config;

import java.util.Optional;

/**
 * A configuration that OpenVPN (or Sluice) would refuse. The message is always exactly one line:
 * <ul>
 *   <li>{@code <file>:<line>: option '<name>': <what is wrong>} for a problem with one option,</li>
 *   <li>{@code command line: option '<name>': <what is wrong>} for an option given in argv,</li>
 *   <li>{@code <file>:<line>: <what is wrong>} for a problem not tied to one option (an
 *       unterminated inline block, a quoting error),</li>
 *   <li>{@code <file>: <what is wrong>} when not even a line can be named (the top-level file
 *       cannot be read).</li>
 * </ul>
 * The file is shown as the user named it, relative names staying relative.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String option;

    private ConfigException(String message, String file, int line, String option) {
        super(message);
        this.file = file;
        this.line = line;
        this.option = option;
    }

    /** A problem with one option at a known place. */
    public static ConfigException forOption(SourceLocation where, String option, String what) {
        return new ConfigException(prefix(where) + "option '" + oneLine(option) + "': " + oneLine(what),
                where.file(), where.line(), option);
    }

    /**
     * A problem with an option that has already been parsed, reported in the same format as
     * parse errors; for runtime code that finds out later that a line cannot be honoured.
     */
    public static ConfigException at(OptionLine line, String message) {
        return forOption(line.location(), line.name(), message);
    }

    /** A problem at a place that is not about one option (quoting, inline blocks). */
    public static ConfigException atLocation(SourceLocation where, String what) {
        return new ConfigException(prefix(where) + oneLine(what), where.file(), where.line(), null);
    }

    /** A problem with a whole file, before any of its lines could be read. */
    public static ConfigException forFile(String file, String what) {
        return new ConfigException(oneLine(file) + ": " + oneLine(what), file, 0, null);
    }

    private static String prefix(SourceLocation where) {
        return where.commandLine() ? SourceLocation.COMMAND_LINE + ": "
                : oneLine(where.file()) + ":" + where.line() + ": ";
    }

    /** Keeps messages on one line whatever hostile input they quote. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                b.append(c == '\n' ? "\\n" : "\\r");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The file as the user named it, or {@value SourceLocation#COMMAND_LINE}. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The option the problem is about, if it is about one option. */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }
}
