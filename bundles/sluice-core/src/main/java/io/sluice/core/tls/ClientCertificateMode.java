package io.sluice.core.tls;

import java.util.Locale;

/**
 * Whether a server asks for, and insists on, a client certificate: OpenVPN's
 * {@code verify-client-cert none|optional|require}. Meaningless for a client endpoint, which
 * always insists on the server's certificate.
 */
public enum ClientCertificateMode {
    /** The default: a client without a certificate fails the handshake. */
    REQUIRE,
    /** Ask for a certificate; verify it if the client sends one, continue without one if not. */
    OPTIONAL,
    /** Do not ask (no CertificateRequest), so clients authenticate some other way. */
    NONE;

    /** Parses the argument of {@code verify-client-cert}. */
    public static ClientCertificateMode forOption(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "require":
                return REQUIRE;
            case "optional":
                return OPTIONAL;
            case "none":
                return NONE;
            default:
                throw new IllegalArgumentException(
                        "verify-client-cert: expected none, optional or require, got '" + value + "'");
        }
    }
}
