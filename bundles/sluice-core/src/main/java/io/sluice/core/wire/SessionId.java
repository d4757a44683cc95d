package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * An OpenVPN session id: 8 opaque bytes each side picks for itself and the other echoes
 * back in its acks (session_id.h; draft "Field: session_id").
 *
 * <p>Held as one {@code long} in wire (big-endian) order, so comparing, hashing and
 * routing by session id allocate nothing. All zeros means "not yet known"
 * (session_id.h {@code session_id_defined}).
 *
 * @param value the 8 bytes, big-endian
 */
public record SessionId(long value) {

    /** The all-zero id: a session id not yet learnt. */
    public static final SessionId UNDEFINED = new SessionId(0);

    /** A fresh id from {@code random}; the session layer passes a {@link java.security.SecureRandom}. */
    public static SessionId random(Random random) {
        long v;
        do {
            v = random.nextLong();
        } while (v == 0);
        return new SessionId(v);
    }

    /** The id stored at absolute {@code index} of {@code buf}; does not move its position. */
    public static SessionId read(ByteBuffer buf, int index) {
        return new SessionId(buf.getLong(index));
    }

    /** Parses 16 hex digits, as {@link #toString()} prints them. */
    public static SessionId fromHex(String hex) {
        if (hex.length() != 2 * WireConstants.SESSION_ID_LENGTH) {
            throw new IllegalArgumentException("a session id is 16 hex digits: " + hex);
        }
        return new SessionId(Long.parseUnsignedLong(hex, 16));
    }

    /** True unless all zero. */
    public boolean isDefined() {
        return value != 0;
    }

    /** Writes the 8 bytes at the buffer's position and advances it. */
    public void write(ByteBuffer out) {
        out.putLong(value);
    }

    @Override
    public String toString() {
        return String.format("%016x", value);
    }
}
