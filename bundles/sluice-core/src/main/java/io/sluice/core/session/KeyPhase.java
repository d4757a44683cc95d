package io.sluice.core.session;

/**
 * Where one key state stands, named as OpenVPN's ssl_common.h names its states
 * ({@code S_PRE_START} ... {@code S_ACTIVE}) so that logs and code read alike.
 */
public enum KeyPhase {
    /** Our reset is sent; waiting for the peer's (client side). */
    PRE_START,
    /** Resets exchanged; TLS handshake in progress. */
    START,
    /** TLS is up and our key method 2 message is sent; waiting for the peer's. */
    SENT_KEY,
    /** Both key method 2 messages exchanged: data-channel keys can be derived. */
    ACTIVE,
    /** Failed: TLS error, bad key method 2 message or hand-window expired. Terminal. */
    FAILED,
    /** Retired after its transition window, or closed with the session. Terminal. */
    CLOSED;

    public boolean terminal() {
        return this == FAILED || this == CLOSED;
    }
}
