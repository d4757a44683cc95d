package io.sluice.core.keys;

import io.sluice.api.crypto.DigestProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * OpenVPN's own key expansion for key method 2 (ssl.c {@code generate_key_expansion_openvpn_prf}
 * and {@code openvpn_PRF}), used when the peers do not negotiate {@code key-derivation tls-ekm}.
 *
 * <ol>
 * <li>master secret (48 bytes) = PRF(pre_master, "OpenVPN master secret" || client random1 ||
 *     server random1)</li>
 * <li>key block (256 bytes) = PRF(master, "OpenVPN key expansion" || client random2 ||
 *     server random2 || client session id || server session id)</li>
 * </ol>
 *
 * <p>The TLS handshake's own secrets take no part: both halves come from the randoms the peers
 * send inside the TLS tunnel.
 */
public final class PrfKeyExpansion {

    /** ssl.c: {@code KEY_EXPANSION_ID " master secret"}, with ssl.h {@code KEY_EXPANSION_ID "OpenVPN"}. */
    public static final String MASTER_SECRET_LABEL = "OpenVPN master secret";
    /** ssl.c: {@code KEY_EXPANSION_ID " key expansion"}. */
    public static final String KEY_EXPANSION_LABEL = "OpenVPN key expansion";
    /** ssl.c {@code generate_key_expansion_openvpn_prf}: {@code uint8_t master[48]}. */
    public static final int MASTER_SECRET_LENGTH = 48;

    private final Tls1Prf prf;

    public PrfKeyExpansion(DigestProvider digests) {
        this.prf = new Tls1Prf(digests);
    }

    /**
     * Derives the 256-byte key block.
     *
     * @throws GeneralSecurityException when HMAC-MD5 or HMAC-SHA1 is not offered
     */
    public Key2 expand(PrfKeySource source) throws GeneralSecurityException {
        byte[] master = masterSecret(source);
        byte[] seed = seed(KEY_EXPANSION_LABEL, source.clientRandom2(), source.serverRandom2(),
                source.clientSessionId(), source.serverSessionId());
        byte[] block = new byte[Key2.LENGTH];
        try {
            prf.derive(master, seed, block);
            return Key2.adopt(block);
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Step 1 alone: visible for known-answer tests. */
    byte[] masterSecret(PrfKeySource source) throws GeneralSecurityException {
        byte[] preMaster = source.preMaster();
        // Step 1 takes no session ids (openvpn_PRF is called with NULL sids).
        byte[] seed = seed(MASTER_SECRET_LABEL, source.clientRandom1(), source.serverRandom1());
        byte[] master = new byte[MASTER_SECRET_LENGTH];
        try {
            prf.derive(preMaster, seed, master);
            return master;
        } finally {
            Arrays.fill(preMaster, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] seed(String label, byte[]... parts) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int length = labelBytes.length;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] seed = Arrays.copyOf(labelBytes, length);
        int at = labelBytes.length;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, seed, at, part.length);
            at += part.length;
            Arrays.fill(part, (byte) 0);
        }
        return seed;
    }
}
