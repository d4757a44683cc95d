package io.sluice.core.server;

import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.Reject;
import java.util.List;

/**
 * What OpenVPN 2.6 logs when a client's first packet fails control-channel protection (ssl_pkt.c
 * {@code read_control_auth}, tls_crypt.c {@code tls_crypt_v2_extract_client_key} and
 * {@code tls_crypt_v2_unwrap_client_key}), word for word, so the fail2ban filters and
 * monitoring admins wrote for OpenVPN keep matching. All at verb 1.
 */
final class FirstPacketRefusal {

    private static final String UNWRAP = "tls_crypt_v2_unwrap_client_key: ";
    private static final String CANNOT_UNWRAP = "Can not unwrap tls-crypt-v2 client key";

    private FirstPacketRefusal() {
    }

    /**
     * @param protection the server's protection, as {@code ControlProtection.name()} says
     * @param from       the sender as OpenVPN prints it ({@code [AF_INET]198.18.0.2:40000})
     */
    static List<String> logLines(String protection, Opcode opcode, Reject reason, String from) {
        String extract = "TLS Error: can not extract tls-crypt-v2 client key from " + from;
        if (opcode == Opcode.P_CONTROL_HARD_RESET_CLIENT_V3 && !protection.equals("tls-crypt-v2")) {
            return List.of("Client wants tls-crypt-v2, but no server key present.", extract);
        }
        return switch (reason) {
            case UNPROTECTED -> List.of("TLS Error: could not determine wrapping from " + from);
            case BAD_WRAPPED_KEY -> List.of(UNWRAP + "invalid length", CANNOT_UNWRAP, extract);
            case OVERSIZE -> List.of(UNWRAP + "wrapped client key too big", CANNOT_UNWRAP, extract);
            case TRUNCATED -> List.of(UNWRAP + "failed to read client key", CANNOT_UNWRAP, extract);
            case CLIENT_KEY_UNAUTHENTIC -> List.of(UNWRAP + "client key authentication error", CANNOT_UNWRAP, extract);
            case CLIENT_KEY_TOO_OLD -> List.of("ERROR: Client key is too old.", extract);
            default -> List.of(protection.equals("tls-auth")
                    ? "TLS Error: cannot locate HMAC in incoming packet from " + from
                    : "TLS Error: " + (protection.equals("tls-crypt-v2") ? "tls-crypt" : protection)
                            + " unwrapping failed from " + from);
        };
    }
}
