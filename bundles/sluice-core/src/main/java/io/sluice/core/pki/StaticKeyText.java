package io.sluice.core.pki;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A new OpenVPN static key file, as {@code openvpn --genkey tls-crypt} writes it: three comment
 * lines, then 256 random bytes as 16 lines of 32 lower-case hex digits between the
 * {@code OpenVPN Static key V1} markers (crypto.c {@code write_key_file}). Used for
 * {@code tls-crypt}; {@code tls-auth} reads the same format. Reading is
 * {@link io.sluice.core.keys.StaticKeyFile}'s job.
 */
final class StaticKeyText {

    /** The key's size in bytes: {@code struct key2}, 2 × (64 cipher + 64 HMAC). */
    static final int KEY_BYTES = 256;
    private static final int BYTES_PER_LINE = 16;
    private static final byte[] HEAD = ("#\n# 2048 bit OpenVPN static key\n#\n"
            + "-----BEGIN OpenVPN Static key V1-----\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOOT = "-----END OpenVPN Static key V1-----\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private StaticKeyText() {
    }

    /**
     * The file's bytes. Built straight into a byte array (no String), so the caller can wipe
     * the only copy of the key once it is written; the raw key is wiped here.
     */
    static byte[] generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        try {
            random.nextBytes(key);
            int lines = KEY_BYTES / BYTES_PER_LINE;
            byte[] out = new byte[HEAD.length + KEY_BYTES * 2 + lines + FOOT.length];
            System.arraycopy(HEAD, 0, out, 0, HEAD.length);
            int p = HEAD.length;
            for (int i = 0; i < KEY_BYTES; i++) {
                out[p++] = HEX[(key[i] >> 4) & 0xf];
                out[p++] = HEX[key[i] & 0xf];
                if (i % BYTES_PER_LINE == BYTES_PER_LINE - 1) {
                    out[p++] = '\n';
                }
            }
            System.arraycopy(FOOT, 0, out, p, FOOT.length);
            return out;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
