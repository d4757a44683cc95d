package io.sluice.core.wire;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wrapping tls-crypt-v2 client keys under a server key, and unwrapping them (draft
 * "Client-specific encryption keys (tls-crypt-v2)"; tls_crypt.c
 * {@code tls_crypt_v2_wrap_client_key}, {@code tls_crypt_v2_unwrap_client_key}). The same
 * SIV construction as tls-crypt:
 * <pre>
 * WKc = tag(32)  AES-256-CTR(Ke, IV, Kc(256) metadata)  len(2)
 * len = the length of WKc, big-endian
 * tag = HMAC-SHA256(Ka; len, Kc, metadata)        IV = the first 16 bytes of tag
 * </pre>
 * Unwrapping reads hostile bytes: every way they can be wrong is a {@link Reject}, never an
 * exception, and nothing is decrypted into a buffer before the lengths add up.
 *
 * <p>Immutable and thread-safe: each call takes its own cipher and MAC.
 */
public final class ClientKeyWrapping {

    /** Bytes of the length field that ends WKc. */
    static final int LENGTH_FIELD = 2;
    /** The shortest WKc that can hold a key: tag, Kc and length, no metadata. */
    static final int MIN_WKC_LENGTH = TlsCryptWrapper.TAG_LENGTH + Key2.LENGTH + LENGTH_FIELD;

    private final SecretKey cipherKey;
    private final SecretKey macKey;

    /** @throws GeneralSecurityException when the JVM offers no AES-CTR or HMAC-SHA256 */
    public ClientKeyWrapping(TlsCryptV2ServerKey serverKey) throws GeneralSecurityException {
        Objects.requireNonNull(serverKey, "serverKey");
        byte[] ke = serverKey.cipherKey();
        byte[] ka = serverKey.hmacKey();
        try {
            this.cipherKey = new SecretKeySpec(ke, "AES");
            this.macKey = new SecretKeySpec(ka, TlsCryptProtection.MAC);
        } finally {
            Arrays.fill(ke, (byte) 0);
            Arrays.fill(ka, (byte) 0);
        }
        mac(); // fail now if the JVM lacks either primitive
        cipher(new byte[TlsCryptWrapper.TAG_LENGTH]);
    }

    /** WKc for {@code kc} and {@code metadata}, as {@code --genkey tls-crypt-v2-client} makes it. */
    public byte[] wrap(Key2 kc, ClientKeyMetadata metadata) {
        byte[] key = kc.toByteArray();
        byte[] meta = metadata.raw();
        int length = TlsCryptWrapper.TAG_LENGTH + key.length + meta.length + LENGTH_FIELD;
        byte[] len = {(byte) (length >> 8), (byte) length};
        try {
            Mac mac = mac();
            mac.update(len);
            mac.update(key);
            mac.update(meta);
            byte[] tag = mac.doFinal();
            byte[] out = new byte[length];
            System.arraycopy(tag, 0, out, 0, tag.length);
            Cipher cipher = cipher(tag);
            int at = cipher.update(key, 0, key.length, out, tag.length);
            at += cipher.doFinal(meta, 0, meta.length, out, tag.length + at);
            out[length - 2] = len[0];
            out[length - 1] = len[1];
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt-v2: wrapping failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Unwraps the WKc between absolute indexes {@code from} and {@code to} of {@code in}
     * (read by absolute index only; position and limit untouched).
     *
     * @return Kc and the metadata; or {@link Reject#OVERSIZE} beyond
     *         {@value WireConstants#MAX_WRAPPED_CLIENT_KEY_LENGTH} bytes, {@link Reject#TRUNCATED}
     *         too short to hold a tag and a key, {@link Reject#BAD_WRAPPED_KEY} when its length
     *         field disagrees, {@link Reject#CLIENT_KEY_UNAUTHENTIC} when the tag does not verify
     */
    public Decoded<UnwrappedClientKey> unwrap(ByteBuffer in, int from, int to) {
        int length = to - from;
        if (from < 0 || to > in.limit() || length < 0) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        if (length > WireConstants.MAX_WRAPPED_CLIENT_KEY_LENGTH) {
            return Decoded.rejected(Reject.OVERSIZE);
        }
        if (length < LENGTH_FIELD) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        int field = in.getShort(to - LENGTH_FIELD) & 0xffff;
        if (field != length) {
            return Decoded.rejected(Reject.BAD_WRAPPED_KEY);
        }
        if (length < MIN_WKC_LENGTH) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        byte[] wkc = new byte[length];
        in.get(from, wkc);
        byte[] tag = Arrays.copyOf(wkc, TlsCryptWrapper.TAG_LENGTH);
        byte[] plain = null;
        try {
            plain = cipher(tag).doFinal(wkc, TlsCryptWrapper.TAG_LENGTH, length - TlsCryptWrapper.TAG_LENGTH
                    - LENGTH_FIELD);
            Mac mac = mac();
            mac.update(wkc, length - LENGTH_FIELD, LENGTH_FIELD);
            mac.update(plain);
            if (!MessageDigest.isEqual(tag, mac.doFinal())) {
                return Decoded.rejected(Reject.CLIENT_KEY_UNAUTHENTIC);
            }
            Key2 kc = Key2.of(Arrays.copyOf(plain, Key2.LENGTH));
            return Decoded.ok(new UnwrappedClientKey(kc,
                    new ClientKeyMetadata(Arrays.copyOfRange(plain, Key2.LENGTH, plain.length))));
        } catch (GeneralSecurityException e) {
            // Checked when made; CTR has no padding to get wrong. Count it as unauthentic, not a crash.
            return Decoded.rejected(Reject.CLIENT_KEY_UNAUTHENTIC);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Where the WKc appended to a P_CONTROL_HARD_RESET_CLIENT_V3 or P_CONTROL_WKC_V1 begins:
     * its last two bytes give its length (tls_crypt.c {@code tls_crypt_v2_extract_client_key}).
     * Needs at least the opcode byte before it.
     *
     * @return the absolute index, or -1 when the length does not fit in the packet
     */
    public static int locate(ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < 1 + 1 + LENGTH_FIELD) {
            return -1;
        }
        int length = packet.getShort(end - LENGTH_FIELD) & 0xffff;
        if (length < LENGTH_FIELD || length > end - start - 1) {
            return -1;
        }
        return end - length;
    }

    private Mac mac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance(TlsCryptProtection.MAC);
        mac.init(macKey);
        return mac;
    }

    private Cipher cipher(byte[] tag) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TlsCryptProtection.CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(tag, 0, TlsCryptWrapper.IV_LENGTH));
        return cipher;
    }

    @Override
    public String toString() {
        return "tls-crypt-v2 client key wrapping";
    }
}
