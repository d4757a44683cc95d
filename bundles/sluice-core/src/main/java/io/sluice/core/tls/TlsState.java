package io.sluice.core.tls;

/** Where a {@link TlsEndpoint} is in its life. */
public enum TlsState {
    /** Handshake under way: feed input, send output; application data is held back. */
    HANDSHAKING,
    /** Handshake done: application data flows, keying material can be exported. */
    ESTABLISHED,
    /** Closed in an orderly way (close_notify sent or received); no more data. */
    CLOSED,
    /** Failed for good; {@link TlsEndpoint#failure()} says why. Pending output (an alert) may still be sent. */
    FAILED
}
