package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the running JDK can provide a cipher or digest. Asking for the algorithm by name is
 * not enough: a JDK may lack it (ChaCha20-Poly1305 arrived in JDK 11), its crypto policy may cap
 * key lengths, or a FIPS configuration may list an algorithm it then refuses to run. So each one
 * does real work here through the same contexts the data path uses.
 */
final class JdkSupport {

    /** Two blocks and a bit: exercises whole blocks, a partial block and CBC padding. */
    private static final String PROBE = "Sluice probes what this JDK can do";

    private JdkSupport() {
    }

    /** Why the JDK cannot provide {@code cipher}, or empty when a packet survives a round trip through it. */
    static Optional<String> problem(JceCipher cipher) {
        CipherSpec spec = cipher.spec();
        byte[] probe = PROBE.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[spec.keyLength()];
        byte[] iv = new byte[spec.ivLength()];
        boolean aead = spec.mode() == CipherMode.AEAD;
        ByteBuffer sealed = ByteBuffer.allocate(probe.length + JceCipher.AES_BLOCK);
        ByteBuffer tag = aead ? ByteBuffer.allocate(spec.tagLength()) : null;
        ByteBuffer opened = ByteBuffer.allocate(probe.length + JceCipher.AES_BLOCK);
        try (CipherContext encrypt = cipher.newContext(key, true);
             CipherContext decrypt = cipher.newContext(key, false)) {
            encrypt.encrypt(iv, aead ? ByteBuffer.allocate(8) : null, ByteBuffer.wrap(probe), sealed, tag);
            decrypt.decrypt(iv, aead ? ByteBuffer.allocate(8) : null, sealed.flip(), aead ? tag.flip() : null, opened);
            if (!Arrays.equals(probe, 0, probe.length, opened.array(), 0, opened.position())) {
                return Optional.of("a round trip changed the data");
            }
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(e.toString());
        }
    }

    /** Why the JDK cannot provide {@code digest}, or empty when it computes an HMAC of the expected length. */
    static Optional<String> problem(JceDigest digest) {
        byte[] probe = PROBE.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[digest.spec().length()];
        try (HmacContext hmac = digest.newHmac(new byte[digest.spec().length()])) {
            hmac.update(probe, 0, probe.length);
            hmac.finish(out, 0);
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(e.toString());
        }
    }
}
