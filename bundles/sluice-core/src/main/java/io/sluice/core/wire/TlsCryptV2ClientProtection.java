package io.sluice.core.wire;

import io.sluice.core.keys.TlsCryptV2ClientKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * {@code tls-crypt-v2 CLIENTKEY} on a client: tls-crypt under the client's key Kc (as a TLS
 * client, so direction {@link io.sluice.core.keys.KeyDirection#INVERSE}; tls_crypt.c
 * {@code tls_crypt_v2_load_client_key}), its WKc appended to the V3 reset and to
 * P_CONTROL_WKC_V1.
 *
 * <p>Each session's replay packet ids start at {@link EarlyNegotiation#EARLY_NEG_START}, as an
 * OpenVPN 2.6 client's do (ssl.c {@code tls_session_init}), which tells a 2.6 server that this
 * client can resend its WKc and so lets it answer without keeping state; the session then
 * does so when the server's reset asks ({@link EarlyNegotiation#FLAG_RESEND_WKC}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsCryptV2ClientProtection implements ControlProtection {

    private final TlsCryptProtection tlsCrypt;
    private final byte[] wkc;

    /** @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256 */
    public TlsCryptV2ClientProtection(TlsCryptV2ClientKey key, ControlLimits limits, ControlReplay replay)
            throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        this.tlsCrypt = new TlsCryptProtection(key.kc(), false, limits, replay);
        this.wkc = key.wkc();
    }

    @Override
    public String name() {
        return "tls-crypt-v2";
    }

    @Override
    public ControlWrapper newWrapper() {
        // packet_id_send_update increments before writing: the first reset carries EARLY_NEG_START + 1.
        return new TlsCryptV2Wrapper(tlsCrypt.newWrapper(EarlyNegotiation.EARLY_NEG_START + 1L), wkc);
    }

    @Override
    public boolean authenticates(Opcode opcode, ByteBuffer packet) {
        return tlsCrypt.authenticates(opcode, packet);
    }

    @Override
    public boolean announcedInOptionsString() {
        return false;
    }

    /** The reset a session with this protection starts with. */
    @Override
    public Opcode clientReset() {
        return Opcode.P_CONTROL_HARD_RESET_CLIENT_V3;
    }

    @Override
    public String toString() {
        return "tls-crypt-v2 client";
    }
}
