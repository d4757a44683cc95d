package io.sluice.crypto.bc;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherSpec;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * A 64-bit block cipher in CBC mode with PKCS#7 padding (RFC 5652 section 6.3, what OpenSSL and
 * so OpenVPN use) for one direction of one key, through Bouncy Castle's {@link CBCBlockCipher}.
 *
 * <p><b>Keyed once.</b> The cipher is keyed when the context is made, with an all-zero IV, and
 * never again: Blowfish's key schedule alone costs 521 block encryptions. Each packet instead
 * {@linkplain CBCModeCipher#reset() resets} the chaining value to those zeros and folds the
 * packet's IV into its first block, since CBC's first step is {@code C1 = E(P1 xor IV)}:
 * encrypting, the IV is xored into the first plaintext block before it goes in; decrypting, into
 * the first block that comes out. This context allocates nothing per packet, not even the
 * {@link ParametersWithIV} that re-initialising with each IV would take (what the engines
 * themselves allocate is in the package documentation).
 *
 * <p><b>Buffers.</b> Bouncy Castle works on arrays a block at a time, so each block passes
 * through one 8-byte array this context keeps, read with the buffer's absolute bulk
 * {@code get} and written with its absolute bulk {@code put}: heap, direct and read-only input
 * buffers all work the same way, and positions move only once a call has succeeded. The copies
 * cost nothing measurable next to the ciphers: a context runs as fast as Bouncy Castle's CBC
 * over a bare array. Encrypting
 * or decrypting in place (output at the very position of the input, in the same memory) works,
 * since each block is read before it is written; other overlaps do not.
 *
 * <p>Room needed in {@code out}: encrypting, the plaintext length rounded up to the next
 * multiple of 8 (a whole block of padding when it already is one); decrypting, the plaintext
 * length, which is the ciphertext length less 1 to 8 bytes of padding.
 *
 * <p>CBC protects nothing on its own: OpenVPN checks the HMAC over the IV and ciphertext before
 * decrypting, so no padding oracle is reachable. The padding check is constant-time anyway.
 */
final class BcCbcContext implements CipherContext {

    private static final int BLOCK = BcCipher.BLOCK;

    private final CipherSpec spec;
    private final CBCModeCipher cbc;
    /**
     * The key as the engine was given it. {@link KeyParameter} copies the caller's array and hands
     * out its own from {@code getKey()}; Blowfish and CAST5 keep that very array as their key.
     */
    private final KeyParameter key;
    private final boolean encrypting;
    /** The block on its way through the cipher. */
    private final byte[] block = new byte[BLOCK];
    private boolean closed;

    /**
     * @param engine a new, unkeyed 64-bit block cipher; this context owns it
     * @param key    copied: the caller may erase its array once this returns
     * @throws InvalidKeyException when the engine refuses the key
     */
    BcCbcContext(CipherSpec spec, BlockCipher engine, byte[] key, boolean encrypting) throws InvalidKeyException {
        if (engine.getBlockSize() != BLOCK) {
            throw new IllegalArgumentException(spec.name() + ": " + engine.getAlgorithmName() + " has a "
                    + engine.getBlockSize() + "-byte block, not " + BLOCK);
        }
        this.spec = spec;
        this.encrypting = encrypting;
        this.key = new KeyParameter(key);
        this.cbc = CBCBlockCipher.newInstance(engine);
        try {
            cbc.init(encrypting, new ParametersWithIV(this.key, new byte[BLOCK]));
        } catch (RuntimeException e) {
            // Bouncy Castle refuses keys with IllegalArgumentException, and a global
            // CryptoServicesRegistrar constraint with an unchecked exception of its own.
            Arrays.fill(this.key.getKey(), (byte) 0);
            throw new InvalidKeyException(spec.name() + ": " + e.getMessage(), e);
        }
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
        requireRoom(out, total);

        int from = plaintext.position();
        int to = out.position();
        wholeBlocks(iv, plaintext, from, out, to, whole);
        int rest = length - whole;
        plaintext.get(from + whole, block, 0, rest);
        Arrays.fill(block, rest, BLOCK, (byte) (BLOCK - rest));
        step(iv, whole == 0);
        out.put(to + whole, block, 0, BLOCK);

        plaintext.position(plaintext.limit());
        out.position(to + total);
        return total;
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
        requireRoom(out, head);

        int from = ciphertext.position();
        int to = out.position();
        wholeBlocks(iv, ciphertext, from, out, to, head);
        // The last block stays here until its padding is checked.
        ciphertext.get(from + head, block, 0, BLOCK);
        step(iv, head == 0);

        int padding = paddingLength(block);
        if (padding < 0) {
            refuse(out, to, head);
            throw new BadPaddingException(spec.name() + ": bad PKCS#7 padding");
        }
        int kept = BLOCK - padding;
        if (out.remaining() < head + kept) {
            refuse(out, to, head);
            throw new ShortBufferException("out has " + out.remaining() + " bytes left, needs " + (head + kept));
        }
        out.put(to + head, block, 0, kept);
        Arrays.fill(block, (byte) 0);

        ciphertext.position(ciphertext.limit());
        out.position(to + head + kept);
        return head + kept;
    }

    /**
     * Starts a packet and runs its first {@code length} bytes (whole blocks) from {@code in} at
     * {@code from} to {@code out} at {@code to}, one block at a time through {@link #block}.
     */
    private void wholeBlocks(byte[] iv, ByteBuffer in, int from, ByteBuffer out, int to, int length) {
        cbc.reset();
        for (int done = 0; done < length; done += BLOCK) {
            in.get(from + done, block, 0, BLOCK);
            step(iv, done == 0);
            out.put(to + done, block, 0, BLOCK);
        }
    }

    /** Runs {@link #block} through CBC in place; the packet's first block carries the IV. */
    private void step(byte[] iv, boolean first) {
        if (first && encrypting) {
            xorInto(block, iv);
        }
        cbc.processBlock(block, 0, block, 0);
        if (first && !encrypting) {
            xorInto(block, iv);
        }
    }

    private static void xorInto(byte[] target, byte[] iv) {
        for (int i = 0; i < BLOCK; i++) {
            target[i] ^= iv[i];
        }
    }

    /**
     * The PKCS#7 padding length of a decrypted last block (1 to its length), or -1 when the
     * padding is malformed. Looks at every byte whatever the values, without branching on them.
     */
    static int paddingLength(byte[] last) {
        int n = last.length;
        int claimed = last[n - 1] & 0xff;
        // All ones when the claimed length is 0 or longer than the block.
        int wrong = ((claimed - 1) | (n - claimed)) >> 31;
        for (int i = 0; i < n; i++) {
            // All ones for the last 'claimed' bytes (n - 1 - i < claimed), which must all equal it.
            int padByte = (n - 1 - i - claimed) >> 31;
            wrong |= padByte & ((last[i] & 0xff) ^ claimed);
        }
        return wrong == 0 ? claimed : -1;
    }

    /** Leaves no plaintext of a refused packet behind: neither in {@code out} nor here. */
    private void refuse(ByteBuffer out, int to, int written) {
        Arrays.fill(block, (byte) 0);
        for (int done = 0; done < written; done += BLOCK) {
            out.put(to + done, block, 0, BLOCK);
        }
    }

    private static void requireRoom(ByteBuffer out, int needed) throws ShortBufferException {
        if (out.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (out.remaining() < needed) {
            throw new ShortBufferException("out has " + out.remaining() + " bytes left, needs " + needed);
        }
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
     * Erases the key: the bytes this context copied (which Blowfish and CAST5 hold as their key),
     * then the key schedule, by keying the cipher again with zeros. That overwrites Blowfish's
     * S-boxes and P-array and CAST5's subkeys where they are. Bouncy Castle's DESede instead
     * copies each third of the key and builds its subkeys in new arrays on every {@code init}, so
     * for DES-EDE3-CBC the old copies are not overwritten, only left to the garbage collector.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        byte[] bytes = key.getKey();
        Arrays.fill(bytes, (byte) 0);
        try {
            cbc.init(encrypting, new ParametersWithIV(new KeyParameter(bytes), new byte[BLOCK]));
        } catch (RuntimeException e) {
            // Best effort only: the key bytes are erased, the cipher goes with this context.
        }
        Arrays.fill(block, (byte) 0);
    }
}
