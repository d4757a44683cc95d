package io.sluice.crypto.jce;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One side of a cipher call (its input, output or AAD) as the {@code byte[]} range that JCE's
 * array methods take.
 *
 * <p>Why arrays: on JDK 17, SunJCE's {@code ByteBuffer} methods copy a direct buffer into a new
 * array on every call (measured: 2 KB to 50 KB per packet, growing with its length), while the
 * array methods allocate nothing that grows with the packet. A heap buffer's own array is used in
 * place; any other buffer (direct, read-only) is copied into a scratch array that is kept for the
 * next packet. Buffer positions are never moved here: the caller moves them once the whole
 * operation has succeeded.
 */
final class ArrayWindow {

    /** Scratch arrays start big enough for a packet on a 1500-byte MTU link, so most never grow. */
    private static final int MIN_SCRATCH = 2048;

    private byte[] scratch = new byte[0];
    private boolean staged;

    /** The array holding the range, and where the range starts in it. */
    byte[] array;
    int offset;

    /** Views {@code src}'s remaining bytes. */
    void readFrom(ByteBuffer src) {
        if (src.hasArray()) {
            point(src);
        } else {
            int length = src.remaining();
            stage(length);
            src.get(src.position(), array, 0, length);
        }
    }

    /**
     * Copies {@code first}'s remaining bytes followed by {@code secondLength} bytes of
     * {@code second} into one range: JCE decrypts an AEAD packet in one call only if the tag
     * directly follows the ciphertext, which it does not in OpenVPN's packet layout.
     */
    void readJoined(ByteBuffer first, ByteBuffer second, int secondLength) {
        int firstLength = first.remaining();
        stage(firstLength + secondLength);
        first.get(first.position(), array, 0, firstLength);
        second.get(second.position(), array, firstLength, secondLength);
    }

    /** Provides room for {@code length} bytes bound for {@code dst}, which has them remaining. */
    void writeTo(ByteBuffer dst, int length) {
        if (dst.hasArray()) {
            point(dst);
        } else {
            stage(length);
        }
    }

    /** Puts the {@code n} bytes written into {@code dst} if they were staged, and moves its position past them. */
    void commit(ByteBuffer dst, int n) {
        if (staged) {
            dst.put(dst.position(), array, 0, n);
        }
        dst.position(dst.position() + n);
    }

    /** Zeroes the first {@code n} bytes of the range: whatever a failed decryption may have left there. */
    void wipe(int n) {
        Arrays.fill(array, offset, offset + n, (byte) 0);
    }

    /** Zeroes the scratch array and drops every reference to the caller's arrays. */
    void release() {
        Arrays.fill(scratch, (byte) 0);
        scratch = new byte[0];
        array = null;
        offset = 0;
    }

    private void point(ByteBuffer buffer) {
        array = buffer.array();
        offset = buffer.arrayOffset() + buffer.position();
        staged = false;
    }

    private void stage(int length) {
        if (scratch.length < length) {
            Arrays.fill(scratch, (byte) 0);
            // Grow geometrically: packet sizes creep up, and each growth is an allocation.
            scratch = new byte[Math.max(MIN_SCRATCH, Math.max(length, 2 * scratch.length))];
        }
        array = scratch;
        offset = 0;
        staged = true;
    }
}
