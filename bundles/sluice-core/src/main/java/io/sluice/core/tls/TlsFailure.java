package io.sluice.core.tls;

import java.util.Objects;

/**
 * Why a TLS endpoint failed, as data rather than as an exception: a broken handshake is routine
 * on a public VPN port, so it is returned to the session layer, which logs
 * {@link #message()} and drops the key state.
 *
 * @param kind    what kind of failure, for counters and decisions
 * @param message one log line in OpenVPN's words ({@code VERIFY ERROR: depth=0, error=certificate
 *                has expired: CN=alice, serial=4}, {@code TLS Error: ...})
 */
public record TlsFailure(Kind kind, String message) {

    public enum Kind {
        /** The bytes received are not TLS, or not well-formed TLS (garbage, truncation, bad MAC). */
        MALFORMED_INPUT,
        /** No common protocol version, cipher suite, group or signature scheme. */
        NEGOTIATION_FAILED,
        /** Our verification refused the peer's certificate (chain, usage, name, fingerprint, checker). */
        PEER_CERTIFICATE_REJECTED,
        /** The peer sent no certificate although one is required. */
        PEER_CERTIFICATE_MISSING,
        /** The peer ended the handshake with a fatal alert (it refused us, or it broke). */
        ALERT_RECEIVED,
        /** Anything else: a local problem (credentials unusable, a bug). */
        INTERNAL
    }

    public TlsFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
