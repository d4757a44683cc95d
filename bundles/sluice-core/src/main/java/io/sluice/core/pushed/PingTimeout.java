package io.sluice.core.pushed;

import java.util.Objects;

/**
 * {@code ping-restart n} or {@code ping-exit n}: one timer with two possible actions, so the later
 * option replaces the earlier one (options.c sets {@code ping_rec_timeout} and its action).
 *
 * @param seconds 0 disables the timer
 */
public record PingTimeout(int seconds, Action action) {

    /** What happens when nothing was heard from the server for {@link #seconds}. */
    public enum Action { RESTART, EXIT }

    public PingTimeout {
        Objects.requireNonNull(action, "action");
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0: " + seconds);
        }
    }
}
