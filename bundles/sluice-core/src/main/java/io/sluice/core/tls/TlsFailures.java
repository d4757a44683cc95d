package io.sluice.core.tls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Turns what Bouncy Castle throws into a {@link TlsFailure}: a kind from the TLS alert, and a
 * message in the style of OpenVPN's {@code TLS Error:} lines.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    static TlsFailure describe(Exception e, boolean handshakeDone) {
        String prefix = handshakeDone ? "TLS Error: TLS session failed" : "TLS Error: TLS handshake failed";
        if (e instanceof TlsFatalAlertReceived received) {
            short alert = received.getAlertDescription();
            return new TlsFailure(TlsFailure.Kind.ALERT_RECEIVED,
                    prefix + ": received fatal alert " + AlertDescription.getText(alert) + " from the peer" + hint(alert));
        }
        if (e instanceof TlsFatalAlert sent) {
            short alert = sent.getAlertDescription();
            StringBuilder message = new StringBuilder(prefix).append(": sent fatal alert ").append(sent.getMessage());
            Throwable cause = sent.getCause();
            if (cause != null && cause != sent) {
                message.append(" (").append(cause).append(')');
            }
            return new TlsFailure(kindOf(alert), message.toString());
        }
        return new TlsFailure(TlsFailure.Kind.INTERNAL, prefix + ": " + e);
    }

    private static TlsFailure.Kind kindOf(short alert) {
        switch (alert) {
            case AlertDescription.handshake_failure:
            case AlertDescription.protocol_version:
            case AlertDescription.insufficient_security:
            case AlertDescription.inappropriate_fallback:
            case AlertDescription.no_application_protocol:
                return TlsFailure.Kind.NEGOTIATION_FAILED;
            case AlertDescription.bad_certificate:
            case AlertDescription.unsupported_certificate:
            case AlertDescription.certificate_revoked:
            case AlertDescription.certificate_expired:
            case AlertDescription.certificate_unknown:
            case AlertDescription.unknown_ca:
            case AlertDescription.access_denied:
                return TlsFailure.Kind.PEER_CERTIFICATE_REJECTED;
            case AlertDescription.certificate_required:
                return TlsFailure.Kind.PEER_CERTIFICATE_MISSING;
            case AlertDescription.internal_error:
                return TlsFailure.Kind.INTERNAL;
            default:
                // unexpected_message, decode_error, record_overflow, bad_record_mac,
                // illegal_parameter, decrypt_error, missing_extension ...: the peer's bytes are wrong.
                return TlsFailure.Kind.MALFORMED_INPUT;
        }
    }

    /** What a received alert usually means in an OpenVPN deployment. */
    private static String hint(short alert) {
        switch (alert) {
            case AlertDescription.bad_certificate:
            case AlertDescription.unsupported_certificate:
            case AlertDescription.certificate_revoked:
            case AlertDescription.certificate_expired:
            case AlertDescription.certificate_unknown:
            case AlertDescription.unknown_ca:
            case AlertDescription.access_denied:
                return " (the peer refused our certificate)";
            case AlertDescription.certificate_required:
                return " (the peer requires a certificate from us)";
            case AlertDescription.handshake_failure:
            case AlertDescription.protocol_version:
            case AlertDescription.insufficient_security:
                return " (no common TLS version, cipher suite, group or signature scheme?)";
            default:
                return "";
        }
    }
}
