package io.sluice.core.wire;

import java.util.Arrays;
import java.util.Base64;

/** Reads the fixture key files (OpenVPN static key V1 in hex; tls-crypt-v2 client key in base64). */
final class TestKeys {

    private TestKeys() {
    }

    private static String body(String pem) {
        StringBuilder b = new StringBuilder();
        for (String line : pem.split("\n")) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("-----")) {
                b.append(line);
            }
        }
        return b.toString();
    }

    /** The 256 bytes of {@code tls-auth.key}: two 128-byte halves, each 64 bytes cipher key then 64 bytes HMAC key. */
    static byte[] staticKey(String file) {
        byte[] key = Hex.bytes(body(Fixtures.resource(file)));
        if (key.length != 256) {
            throw new IllegalStateException(file + ": " + key.length + " bytes");
        }
        return key;
    }

    /** The client key Kc (256 bytes, the same layout) at the start of a tls-crypt-v2 client key file. */
    static byte[] tlsCryptV2ClientKey(String file) {
        byte[] all = Base64.getDecoder().decode(body(Fixtures.resource(file)));
        return Arrays.copyOf(all, 256);
    }

    /** The HMAC key of half {@code half} (0 or 1), {@code length} bytes long. */
    static byte[] hmacKey(byte[] key, int half, int length) {
        return Arrays.copyOfRange(key, half * 128 + 64, half * 128 + 64 + length);
    }

    /** The cipher key of half {@code half}, {@code length} bytes long. */
    static byte[] cipherKey(byte[] key, int half, int length) {
        return Arrays.copyOfRange(key, half * 128, half * 128 + length);
    }
}
