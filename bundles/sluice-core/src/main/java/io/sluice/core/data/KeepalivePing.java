package io.sluice.core.data;

import java.nio.ByteBuffer;

/**
 * OpenVPN's keepalive ping: a data-channel packet whose whole decrypted payload is a fixed
 * 16-byte string (ping.c {@code ping_string}, {@code PING_STRING_SIZE}). It is sent like any
 * tunnel packet when nothing else was sent for {@code --ping} seconds, and a receiver drops it
 * after it has reset its {@code --ping-restart} timer.
 */
public final class KeepalivePing {

    /** ping.c {@code PING_STRING_SIZE}. */
    public static final int LENGTH = 16;

    // ping.c ping_string: random bytes chosen by OpenVPN so as not to collide with IP traffic.
    private static final byte[] MAGIC = {
        (byte) 0x2a, (byte) 0x18, (byte) 0x7b, (byte) 0xf3, (byte) 0x64, (byte) 0x1e, (byte) 0xb4, (byte) 0xcb,
        (byte) 0x07, (byte) 0xed, (byte) 0x2d, (byte) 0x0a, (byte) 0x98, (byte) 0x1f, (byte) 0xc7, (byte) 0x48
    };

    private KeepalivePing() {
    }

    /**
     * True when the payload from position to limit is exactly the ping string (ping.h
     * {@code is_ping_msg}: same length, same bytes). The buffer is not moved.
     */
    public static boolean isPing(ByteBuffer payload) {
        if (payload.remaining() != LENGTH) {
            return false;
        }
        int at = payload.position();
        for (int i = 0; i < LENGTH; i++) {
            if (payload.get(at + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the ping string at the buffer's position and advances it. */
    public static void write(ByteBuffer out) {
        out.put(MAGIC);
    }

    /** A copy of the ping string. */
    public static byte[] bytes() {
        return MAGIC.clone();
    }
}
