package io.sluice.config;

import java.util.Objects;

/**
 * Where an option came from: a line of a configuration file (named as the user named it) or the
 * command line. Error messages and warnings use it so that a user can find the offending text.
 *
 * @param file the file name exactly as given (relative names stay relative); for the command
 *     line this is {@value #COMMAND_LINE}
 * @param line the 1-based line number in that file; for the command line, the 1-based position of
 *     the option's {@code --name} word in argv (never shown in messages)
 * @param commandLine whether the option was given on the command line
 */
public record SourceLocation(String file, int line, boolean commandLine) {

    /** The text used in messages for options given on the command line. */
    public static final String COMMAND_LINE = "command line";

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** A line of a configuration file. */
    public static SourceLocation inFile(String file, int line) {
        return new SourceLocation(file, line, false);
    }

    /** An option given on the command line at the given argv position. */
    public static SourceLocation onCommandLine(int position) {
        return new SourceLocation(COMMAND_LINE, position, true);
    }

    /** {@code file:line}, or {@code command line}. */
    @Override
    public String toString() {
        return commandLine ? COMMAND_LINE : file + ":" + line;
    }
}
