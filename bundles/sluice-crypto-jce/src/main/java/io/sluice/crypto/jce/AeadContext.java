package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * AES-GCM or ChaCha20-Poly1305 for one direction of one key.
 *
 * <p>OpenVPN sends the tag before the ciphertext, so the API keeps them apart while JCE
 * produces and consumes {@code ciphertext || tag}:
 * <ul>
 *   <li>Encrypting, {@code update} writes the ciphertext straight into {@code out} and
 *       {@code doFinal} writes what is left (at most a partial block, for GCM) and the tag into a
 *       small array this context keeps; that tail is then copied where it belongs. So {@code out}
 *       needs room for exactly {@code plaintext.remaining()} bytes, nothing more.</li>
 *   <li>Decrypting, the ciphertext and tag are copied into one array and decrypted by a single
 *       {@code doFinal}: SunJCE verifies the tag before releasing any plaintext, and given the
 *       ciphertext through {@code update} it would instead buffer it in a growing array of its own.
 *       {@code out} needs room for {@code ciphertext.remaining()} bytes.</li>
 * </ul>
 *
 * <p>JCE itself refuses to encrypt twice in a row with the same key and nonce (both SunJCE
 * ciphers throw), a last line of defence against the catastrophic nonce reuse of an AEAD; the
 * engine must still never repeat a packet ID.
 */
final class AeadContext implements CipherContext {

    private final CipherSpec spec;
    private final JceCipher.Construction construction;
    private final Cipher cipher;
    private final WipeableKey key;
    private final boolean encrypting;

    private final ArrayWindow aadWindow = new ArrayWindow();
    private final ArrayWindow inWindow = new ArrayWindow();
    private final ArrayWindow outWindow = new ArrayWindow();
    /** Encrypting: what {@code doFinal} emits after {@code update}, the last partial block and the tag. */
    private byte[] tail;
    /** Decrypting: the nonce of the previous {@code init}, see {@link #initForDecryption}. */
    private final byte[] lastNonce;
    private boolean hasLastNonce;
    private boolean closed;

    AeadContext(CipherSpec spec, JceCipher.Construction construction, Cipher cipher, WipeableKey key, boolean encrypting) {
        this.spec = spec;
        this.construction = construction;
        this.cipher = cipher;
        this.key = key;
        this.encrypting = encrypting;
        this.tail = new byte[JceCipher.AES_BLOCK + spec.tagLength()];
        this.lastNonce = new byte[spec.ivLength()];
    }

    @Override
    public CipherSpec spec() {
        return spec;
    }

    @Override
    public boolean encrypting() {
        return encrypting;
    }

    @Override
    public int encrypt(byte[] iv, ByteBuffer aad, ByteBuffer plaintext, ByteBuffer out, ByteBuffer tag)
            throws GeneralSecurityException {
        checkUsable(true);
        checkNonce(iv);
        Objects.requireNonNull(tag, "tag");
        int length = plaintext.remaining();
        int tagLength = spec.tagLength();
        Buffers.requireRoom(out, length, "out");
        Buffers.requireRoom(tag, tagLength, "tag");

        cipher.init(Cipher.ENCRYPT_MODE, key, construction.parameters(iv, tagLength));
        authenticate(aad);
        inWindow.readFrom(plaintext);
        outWindow.writeTo(out, length);
        int written = cipher.update(inWindow.array, inWindow.offset, length, outWindow.array, outWindow.offset);
        int pending = cipher.getOutputSize(0);
        if (tail.length < pending) {
            tail = new byte[pending];
        }
        int last = cipher.doFinal(tail, 0);
        int rest = last - tagLength;
        if (rest < 0 || written + rest != length) {
            throw new ProviderException(cipher.getProvider() + " " + cipher.getAlgorithm() + " produced "
                    + (written + last) + " bytes for " + length + " bytes of plaintext");
        }
        System.arraycopy(tail, 0, outWindow.array, outWindow.offset + written, rest);

        outWindow.commit(out, length);
        tag.put(tag.position(), tail, rest, tagLength);
        tag.position(tag.position() + tagLength);
        Buffers.consumed(plaintext);
        Buffers.consumed(aad);
        return length;
    }

    @Override
    public int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
            throws GeneralSecurityException {
        checkUsable(false);
        checkNonce(iv);
        Objects.requireNonNull(tag, "tag");
        int length = ciphertext.remaining();
        int tagLength = spec.tagLength();
        if (tag.remaining() < tagLength) {
            throw new AEADBadTagException("tag has " + tag.remaining() + " bytes, " + spec.name() + " needs "
                    + tagLength);
        }
        Buffers.requireRoom(out, length, "out");

        initForDecryption(iv);
        authenticate(aad);
        inWindow.readJoined(ciphertext, tag, tagLength);
        outWindow.writeTo(out, length);
        int written;
        try {
            written = cipher.doFinal(inWindow.array, 0, length + tagLength, outWindow.array, outWindow.offset);
        } catch (GeneralSecurityException | RuntimeException e) {
            // JCE promises nothing about the output after a failure; leave no unauthenticated
            // plaintext behind, whatever provider did the work.
            outWindow.wipe(length);
            throw e;
        }

        outWindow.commit(out, written);
        tag.position(tag.position() + tagLength);
        Buffers.consumed(ciphertext);
        Buffers.consumed(aad);
        return written;
    }

    /**
     * JDK 20 and earlier refuse to initialise ChaCha20-Poly1305 with the key and nonce of its
     * previous initialisation even to decrypt (JDK-8305091, relaxed in JDK 21). A receiver sees a
     * nonce again whenever a packet is replayed or forged with a genuine packet ID, and must still
     * accept the genuine packet: so on a repeat, step through another nonce first. GCM never
     * minded; the step costs one extra {@code init}, only on a repeat.
     */
    private void initForDecryption(byte[] nonce) throws GeneralSecurityException {
        if (hasLastNonce && Arrays.equals(nonce, lastNonce)) {
            lastNonce[0] ^= 1;
            cipher.init(Cipher.DECRYPT_MODE, key, construction.parameters(lastNonce, spec.tagLength()));
        }
        hasLastNonce = false;
        cipher.init(Cipher.DECRYPT_MODE, key, construction.parameters(nonce, spec.tagLength()));
        System.arraycopy(nonce, 0, lastNonce, 0, lastNonce.length);
        hasLastNonce = true;
    }

    private void authenticate(ByteBuffer aad) {
        if (aad != null && aad.hasRemaining()) {
            aadWindow.readFrom(aad);
            cipher.updateAAD(aadWindow.array, aadWindow.offset, aad.remaining());
        }
    }

    private void checkNonce(byte[] iv) throws InvalidAlgorithmParameterException {
        if (iv.length != spec.ivLength()) {
            throw new InvalidAlgorithmParameterException(spec.name() + " needs a " + spec.ivLength()
                    + "-byte nonce, got " + iv.length + " bytes");
        }
    }

    private void checkUsable(boolean toEncrypt) {
        if (closed) {
            throw new IllegalStateException(spec.name() + " context is closed");
        }
        if (toEncrypt != encrypting) {
            throw new IllegalStateException(spec.name() + " context is for " + (encrypting ? "encryption" : "decryption"));
        }
    }

    /**
     * Erases the key and every scratch array. The key schedule inside the JCE cipher cannot be
     * erased through the JCE API; it is freed with this context.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.destroy();
        aadWindow.release();
        inWindow.release();
        outWindow.release();
        Arrays.fill(tail, (byte) 0);
    }
}
