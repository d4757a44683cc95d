package io.sluice.itests.net;

import java.util.List;

/**
 * What a short command printed and how it ended. Kept as one value so a failing assertion can show
 * the whole command line and its output without the caller having to format anything.
 */
public record CommandResult(List<String> command, int exitCode, String output) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result if the command succeeded, otherwise fails with the command and its output. */
    public CommandResult requireOk() {
        if (!ok()) {
            throw new IllegalStateException("command failed (exit " + exitCode + "): "
                    + String.join(" ", command) + "\n" + output);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + " -> exit " + exitCode + "\n" + output;
    }
}
