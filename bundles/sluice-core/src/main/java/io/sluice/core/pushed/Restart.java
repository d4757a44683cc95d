package io.sluice.core.pushed;

/**
 * Why a client starts over, as far as the next attempt's remote and pause depend on it.
 *
 * @param advance              try the next remote (OpenVPN's default), or the same one again
 *                             ({@code no_advance}: after AUTH_FAILED, and once after a connection
 *                             that was fully up)
 * @param immediately          no pause at all: OpenVPN's {@code restart_sleep_seconds = -1}, set when
 *                             the server never answered within {@code server-poll-timeout}
 * @param serverBackoffSeconds the server's {@code AUTH_FAILED,TEMP[backoff n]}: pause at least n
 *                             seconds (still capped by the maximum)
 */
public record Restart(boolean advance, boolean immediately, int serverBackoffSeconds) {

    public Restart {
        if (serverBackoffSeconds < 0) {
            throw new IllegalArgumentException("backoff must be >= 0: " + serverBackoffSeconds);
        }
    }

    /** The attempt failed (transport error, TLS failure, timeout, ping-restart): next remote. */
    public static Restart failed() {
        return new Restart(true, false, 0);
    }

    /** Nothing came back from the server within {@code server-poll-timeout}: next remote at once. */
    public static Restart serverPollTimeout() {
        return new Restart(true, true, 0);
    }

    /** AUTH_FAILED: the same remote again (push.c {@code receive_auth_failed}). */
    public static Restart authFailed() {
        return new Restart(false, false, 0);
    }

    /** {@code AUTH_FAILED,TEMP[backoff n,advance no|addr|remote]}. */
    public static Restart temporaryFailure(int backoffSeconds, boolean advance) {
        return new Restart(advance, false, Math.max(backoffSeconds, 0));
    }
}
