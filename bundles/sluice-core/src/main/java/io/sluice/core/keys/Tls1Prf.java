package io.sluice.core.keys;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.HmacContext;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The TLS 1.0 pseudo-random function (RFC 2246 section 5), which OpenVPN's key method 2 still uses
 * for its own key expansion when the peers do not agree on {@code tls-ekm}:
 * {@code PRF(secret, seed) = P_MD5(S1, seed) XOR P_SHA1(S2, seed)}, where S1 and S2 are the first
 * and last halves of the secret (sharing the middle byte when its length is odd).
 *
 * <p>OpenVPN passes the label as the first bytes of the seed, so this class takes one seed and
 * leaves the label to {@link PrfKeyExpansion}. HMACs come from a {@link DigestProvider}, never
 * from JCE directly, so a FIPS provider that refuses MD5 makes the derivation fail with a
 * {@link GeneralSecurityException} (OpenVPN fails the same way and asks for tls-ekm).
 */
public final class Tls1Prf {

    /** OpenVPN's name of the digest for the first half (RFC 2246: P_MD5). */
    static final String MD5 = "MD5";
    /** OpenVPN's name of the digest for the second half (RFC 2246: P_SHA-1). */
    static final String SHA1 = "SHA1";

    private final DigestProvider digests;

    public Tls1Prf(DigestProvider digests) {
        this.digests = Objects.requireNonNull(digests, "digests");
    }

    /**
     * Fills {@code out} with PRF output.
     *
     * @throws GeneralSecurityException when the provider offers no HMAC-MD5 or HMAC-SHA1
     */
    public void derive(byte[] secret, byte[] seed, byte[] out) throws GeneralSecurityException {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(out, "out");
        int half = (secret.length + 1) / 2;
        byte[] s1 = Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] sha1Stream = new byte[out.length];
        try {
            pHash(MD5, s1, seed, out);
            pHash(SHA1, s2, seed, sha1Stream);
            for (int i = 0; i < out.length; i++) {
                out[i] ^= sha1Stream[i];
            }
        } finally {
            Arrays.fill(s1, (byte) 0);
            Arrays.fill(s2, (byte) 0);
            Arrays.fill(sha1Stream, (byte) 0);
        }
    }

    /** RFC 2246 P_hash: HMAC(secret, A(i) + seed) for A(0) = seed, A(i) = HMAC(secret, A(i-1)). */
    private void pHash(String digest, byte[] secret, byte[] seed, byte[] out) throws GeneralSecurityException {
        try (HmacContext hmac = digests.createHmac(digest, secret)) {
            int length = hmac.spec().length();
            byte[] a = new byte[length];
            byte[] block = new byte[length];
            hmac.update(seed, 0, seed.length);
            hmac.finish(a, 0);
            for (int done = 0; done < out.length; done += length) {
                hmac.update(a, 0, length);
                hmac.update(seed, 0, seed.length);
                hmac.finish(block, 0);
                System.arraycopy(block, 0, out, done, Math.min(length, out.length - done));
                hmac.update(a, 0, length);
                hmac.finish(a, 0);
            }
            Arrays.fill(a, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }
}
