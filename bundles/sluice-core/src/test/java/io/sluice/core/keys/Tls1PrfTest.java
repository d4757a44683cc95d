package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Tls1PrfTest {

    @Test
    void oddLengthSecretSharesItsMiddleByteBetweenTheMd5AndSha1Halves() throws Exception {
        byte[] secret = new byte[7];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i + 1);
        }
        byte[] seed = "seed bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[45]; // not a multiple of either digest length

        new Tls1Prf(new TestDigests()).derive(secret, seed, out);

        // RFC 2246 5: S1 = first ceil(7/2) = 4 bytes, S2 = last 4 bytes (byte 4 in both).
        byte[] md5 = pHash("HmacMD5", Arrays.copyOfRange(secret, 0, 4), seed, out.length);
        byte[] sha1 = pHash("HmacSHA1", Arrays.copyOfRange(secret, 3, 7), seed, out.length);
        byte[] expected = new byte[out.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (md5[i] ^ sha1[i]);
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void providerWithoutMd5MakesTheDerivationFailAsInFipsMode() {
        Tls1Prf prf = new Tls1Prf(new TestDigests("MD5"));
        assertThrows(GeneralSecurityException.class, () -> prf.derive(new byte[48], new byte[10], new byte[48]));
    }

    /** An independent, textbook P_hash on javax.crypto.Mac. */
    private static byte[] pHash(String mac, byte[] secret, byte[] seed, int length) throws Exception {
        Mac h = Mac.getInstance(mac);
        h.init(new SecretKeySpec(secret, mac));
        byte[] out = new byte[length];
        byte[] a = h.doFinal(seed);
        for (int done = 0; done < length; ) {
            h.update(a);
            byte[] block = h.doFinal(seed);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
            a = h.doFinal(a);
        }
        return out;
    }
}
