package io.sluice.core.p2p;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * OpenVPN's options-consistency (OCC) messages, which static-key peers exchange inside the data
 * channel (occ.h, occ.c): a 16-byte magic string, an opcode byte, then what the opcode carries.
 * A peer sends {@link #REQUEST} every 10 s until it gets a {@link #REPLY} holding the other
 * side's options string, which it compares with the string it expects and warns about the
 * differences; {@link #EXIT} tells the other side it is going away.
 */
final class OccMessage {

    /** occ.h {@code OCC_STRING_SIZE}. */
    static final int MAGIC_LENGTH = 16;
    /** occ.h {@code OCC_REQUEST}: send me your options string. */
    static final int REQUEST = 0;
    /** occ.h {@code OCC_REPLY}: my options string, NUL-terminated. */
    static final int REPLY = 1;
    /** occ.h {@code OCC_EXIT}: the peer is exiting (explicit-exit-notify). */
    static final int EXIT = 6;

    // occ.c occ_magic: random bytes chosen by OpenVPN so as not to collide with IP traffic.
    private static final byte[] MAGIC = {
        (byte) 0x28, (byte) 0x7f, (byte) 0x34, (byte) 0x6b, (byte) 0xd4, (byte) 0xef, (byte) 0x7a, (byte) 0x81,
        (byte) 0x2d, (byte) 0x56, (byte) 0xb8, (byte) 0xd3, (byte) 0xaf, (byte) 0xc5, (byte) 0x45, (byte) 0x9c
    };

    private OccMessage() {
    }

    /**
     * The opcode of a payload that is an OCC message (forward.c {@code is_occ_msg}: the magic
     * and at least the opcode byte), empty for anything else. The buffer is not moved.
     */
    static Optional<Integer> opcode(ByteBuffer payload) {
        if (payload.remaining() < MAGIC_LENGTH + 1) {
            return Optional.empty();
        }
        int at = payload.position();
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (payload.get(at + i) != MAGIC[i]) {
                return Optional.empty();
            }
        }
        return Optional.of(payload.get(at + MAGIC_LENGTH) & 0xFF);
    }

    /** The options string of a {@link #REPLY}, up to its NUL. */
    static String replyText(ByteBuffer payload) {
        int from = payload.position() + MAGIC_LENGTH + 1;
        int end = from;
        while (end < payload.limit() && payload.get(end) != 0) {
            end++;
        }
        byte[] text = new byte[end - from];
        payload.get(from, text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** A message without arguments ({@link #REQUEST}, {@link #EXIT}). */
    static byte[] of(int opcode) {
        return ByteBuffer.allocate(MAGIC_LENGTH + 1).put(MAGIC).put((byte) opcode).array();
    }

    /** A {@link #REPLY} with this side's options string. */
    static byte[] reply(String options) {
        byte[] text = options.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC_LENGTH + 1 + text.length + 1).put(MAGIC).put((byte) REPLY).put(text)
                .put((byte) 0).array();
    }
}
