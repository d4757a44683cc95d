package io.sluice.crypto.jce;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import javax.crypto.ShortBufferException;

/** Checks the contexts make before touching anything, so that a refused call changes nothing. */
final class Buffers {

    private Buffers() {
    }

    /** Fails unless {@code buffer} is writable and has {@code needed} bytes remaining. */
    static void requireRoom(ByteBuffer buffer, int needed, String what) throws ShortBufferException {
        if (buffer.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (buffer.remaining() < needed) {
            throw new ShortBufferException(what + " has " + buffer.remaining() + " bytes left, needs " + needed);
        }
    }

    /** Moves a buffer that was read to the end past what was read; {@code null} is allowed (no AAD). */
    static void consumed(ByteBuffer buffer) {
        if (buffer != null) {
            buffer.position(buffer.limit());
        }
    }
}
