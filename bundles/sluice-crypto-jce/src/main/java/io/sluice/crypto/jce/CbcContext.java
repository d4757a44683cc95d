package io.sluice.crypto.jce;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

/**
 * AES-CBC with PKCS#7 padding (RFC 5652 section 6.3, what OpenSSL and so OpenVPN use) for one
 * direction of one key.
 *
 * <p>The padding is done here around an unpadded JCE cipher: SunJCE's {@code PKCS5Padding} copies
 * the whole packet into a new array on every call, while unpadded CBC over whole blocks allocates
 * nothing that grows with the packet. The last block goes through two 16-byte arrays this
 * context keeps.
 *
 * <p>Room needed in {@code out}: encrypting, the plaintext length rounded up to the next
 * multiple of 16 (a whole block of padding when it already is one); decrypting, the plaintext
 * length, which is the ciphertext length less 1 to 16 bytes of padding.
 *
 * <p>CBC protects nothing on its own: OpenVPN checks the HMAC over the IV and ciphertext before
 * decrypting, so no padding oracle is reachable. The padding check is constant-time anyway.
 */
final class CbcContext implements CipherContext {

    private static final int BLOCK = JceCipher.AES_BLOCK;

    private final CipherSpec spec;
    private final Cipher cipher;
    private final WipeableKey key;
    private final boolean encrypting;

    private final ArrayWindow inWindow = new ArrayWindow();
    private final ArrayWindow outWindow = new ArrayWindow();
    /** The last block going into the cipher: the padded plaintext tail, or the last ciphertext block. */
    private final byte[] lastIn = new byte[BLOCK];
    /** Decrypting: the last plaintext block, padding included, until the padding is checked. */
    private final byte[] lastOut = new byte[BLOCK];
    private boolean closed;

    CbcContext(CipherSpec spec, Cipher cipher, WipeableKey key, boolean encrypting) {
        this.spec = spec;
        this.cipher = cipher;
        this.key = key;
        this.encrypting = encrypting;
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
        checkUsable(true, aad, tag);
        checkIv(iv);
        int length = plaintext.remaining();
        int whole = length - length % BLOCK;
        int total = whole + BLOCK;
        Buffers.requireRoom(out, total, "out");

        inWindow.readFrom(plaintext);
        outWindow.writeTo(out, total);
        // Take the tail before update: when the caller encrypts in place, update overwrites it.
        int rest = length - whole;
        System.arraycopy(inWindow.array, inWindow.offset + whole, lastIn, 0, rest);
        Arrays.fill(lastIn, rest, BLOCK, (byte) (BLOCK - rest));
        cipher.init(Cipher.ENCRYPT_MODE, key, JceCipher.Construction.CBC.parameters(iv, 0));
        int written = cipher.update(inWindow.array, inWindow.offset, whole, outWindow.array, outWindow.offset);
        written += cipher.doFinal(lastIn, 0, BLOCK, outWindow.array, outWindow.offset + written);

        outWindow.commit(out, written);
        Buffers.consumed(plaintext);
        return written;
    }

    @Override
    public int decrypt(byte[] iv, ByteBuffer aad, ByteBuffer ciphertext, ByteBuffer tag, ByteBuffer out)
            throws GeneralSecurityException {
        checkUsable(false, aad, tag);
        checkIv(iv);
        int length = ciphertext.remaining();
        if (length == 0 || length % BLOCK != 0) {
            throw new IllegalBlockSizeException(spec.name() + " ciphertext must be a positive multiple of "
                    + BLOCK + " bytes, got " + length);
        }
        int head = length - BLOCK;
        Buffers.requireRoom(out, head, "out");

        inWindow.readFrom(ciphertext);
        outWindow.writeTo(out, length);
        // Take the last block before update: when the caller decrypts in place, update overwrites it.
        System.arraycopy(inWindow.array, inWindow.offset + head, lastIn, 0, BLOCK);
        cipher.init(Cipher.DECRYPT_MODE, key, JceCipher.Construction.CBC.parameters(iv, 0));
        int written = cipher.update(inWindow.array, inWindow.offset, head, outWindow.array, outWindow.offset);
        cipher.doFinal(lastIn, 0, BLOCK, lastOut, 0);

        int padding = paddingLength(lastOut);
        if (padding < 0) {
            fail(written);
            throw new BadPaddingException(spec.name() + ": bad PKCS#7 padding");
        }
        int kept = BLOCK - padding;
        if (out.remaining() < written + kept) {
            fail(written);
            throw new ShortBufferException("out has " + out.remaining() + " bytes left, needs " + (written + kept));
        }
        System.arraycopy(lastOut, 0, outWindow.array, outWindow.offset + written, kept);

        outWindow.commit(out, written + kept);
        Buffers.consumed(ciphertext);
        return written + kept;
    }

    /**
     * The PKCS#7 padding length of the last block (1 to 16), or -1 when the padding is malformed.
     * Reads all 16 bytes whatever their values, without branching on them.
     */
    static int paddingLength(byte[] block) {
        int padding = block[BLOCK - 1] & 0xff;
        // Negative (all ones) when padding is 0 or more than a block.
        int bad = ((padding - 1) | (BLOCK - padding)) >> 31;
        for (int i = 0; i < BLOCK; i++) {
            // All ones when byte i is one of the last 'padding' bytes.
            int inPadding = ~((i - BLOCK + padding) >> 31);
            bad |= inPadding & ((block[i] & 0xff) ^ padding);
        }
        return bad == 0 ? padding : -1;
    }

    /** Leaves no plaintext of a refused packet behind. */
    private void fail(int written) {
        outWindow.wipe(written);
        Arrays.fill(lastOut, (byte) 0);
    }

    private void checkUsable(boolean toEncrypt, ByteBuffer aad, ByteBuffer tag) {
        if (closed) {
            throw new IllegalStateException(spec.name() + " context is closed");
        }
        if (toEncrypt != encrypting) {
            throw new IllegalStateException(spec.name() + " context is for " + (encrypting ? "encryption" : "decryption"));
        }
        // CBC authenticates nothing: a caller passing AAD or a tag expects protection it would not get.
        if (aad != null || tag != null) {
            throw new IllegalArgumentException(spec.name() + " takes no AAD and no tag; the HMAC protects CBC packets");
        }
    }

    private void checkIv(byte[] iv) throws InvalidAlgorithmParameterException {
        if (iv.length != BLOCK) {
            throw new InvalidAlgorithmParameterException(spec.name() + " needs a " + BLOCK + "-byte IV, got "
                    + iv.length + " bytes");
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
        inWindow.release();
        outWindow.release();
        Arrays.fill(lastIn, (byte) 0);
        Arrays.fill(lastOut, (byte) 0);
    }
}
