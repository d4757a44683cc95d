package io.sluice.core.reliable;

/**
 * Tunables of one reliability channel; {@link #DEFAULT} is what OpenVPN 2.6 does
 * (see {@link ReliableConstants} for where each value comes from).
 *
 * @param initialTimeoutNanos first retransmission timeout ({@code --tls-timeout})
 * @param maxTimeoutNanos     the back-off stops doubling here
 * @param sendWindow          messages in flight
 * @param receiveWindow       out-of-order messages buffered
 */
public record ReliableConfig(long initialTimeoutNanos, long maxTimeoutNanos, int sendWindow, int receiveWindow) {

    /** Largest window allowed; far above OpenVPN's, it only keeps memory per channel bounded. */
    public static final int MAX_WINDOW = 64;

    public static final ReliableConfig DEFAULT = new ReliableConfig(
            ReliableConstants.INITIAL_RETRANSMIT_TIMEOUT_NANOS, ReliableConstants.MAX_RETRANSMIT_TIMEOUT_NANOS,
            ReliableConstants.SEND_WINDOW, ReliableConstants.RECEIVE_WINDOW);

    public ReliableConfig {
        if (initialTimeoutNanos <= 0 || maxTimeoutNanos < initialTimeoutNanos) {
            throw new IllegalArgumentException("need 0 < initialTimeout <= maxTimeout: "
                    + initialTimeoutNanos + ", " + maxTimeoutNanos);
        }
        if (sendWindow < 1 || sendWindow > MAX_WINDOW || receiveWindow < 1 || receiveWindow > MAX_WINDOW) {
            throw new IllegalArgumentException("windows must be 1.." + MAX_WINDOW + ": " + sendWindow + ", " + receiveWindow);
        }
    }
}
