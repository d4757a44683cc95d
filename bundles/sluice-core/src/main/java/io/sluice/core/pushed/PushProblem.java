package io.sluice.core.pushed;

import java.util.Objects;

/**
 * A pushed (or configured) option that was not taken, and why, in the words OpenVPN 2.6 logs it.
 * The option is dropped; the other options still apply, as in OpenVPN.
 *
 * @param position 1-based position of the option in the assembled push (OpenVPN counts within
 *                 each PUSH_REPLY message, so its number may differ after a continuation)
 * @param option   the option as received
 * @param message  the log line, e.g. {@code Options error: option 'route' cannot be used in this context ([PUSH-OPTIONS])}
 */
public record PushProblem(int position, String option, String message) {

    public PushProblem {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(message, "message");
    }
}
