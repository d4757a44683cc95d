package io.sluice.core.events;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How one run of a script ended, with OpenVPN's words for it (run_command.c
 * {@code system_error_message}), which the runner has already logged as
 * {@code WARNING: Failed running command (--hook): <message>}.
 *
 * @param status      what happened
 * @param exitStatus  the exit status, when the program ran and ended by itself
 * @param message     OpenVPN's text: {@code external program exited with error status: 1},
 *                    {@code disallowed by script-security setting} ...
 * @param configLines for {@code client-connect}: the lines the script wrote to the file named by
 *                    its last argument, in order; empty otherwise
 */
public record ScriptResult(Status status, OptionalInt exitStatus, String message, List<String> configLines) {

    /** The ways a run ends. */
    public enum Status {
        /** Exit status 0 (and, for a deferred client-connect, a later {@code 1}). */
        SUCCEEDED,
        /** Refused by {@code script-security} below 2; nothing ran. */
        NOT_ALLOWED,
        /** Ran and failed: a non-zero exit status, or a deferred client-connect answered {@code 0}. */
        FAILED,
        /** Could not be started, or its temporary files could not be made. */
        NOT_EXECUTED,
        /** Still running at the time limit (killed), or a deferred answer never came. */
        TIMED_OUT
    }

    public ScriptResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(message, "message");
        configLines = List.copyOf(configLines);
    }

    static ScriptResult succeeded(List<String> configLines) {
        return new ScriptResult(Status.SUCCEEDED, OptionalInt.of(0), "external program exited normally", configLines);
    }

    static ScriptResult failed(Status status, OptionalInt exitStatus, String message) {
        return new ScriptResult(status, exitStatus, message, List.of());
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
