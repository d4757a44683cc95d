package io.sluice.core.wire;

import java.nio.ByteBuffer;

/**
 * No control-channel protection ({@code tls-auth}, {@code tls-crypt} and {@code tls-crypt-v2}
 * all absent): the body follows the session id directly and TLS alone authenticates the
 * peer. Stateless, so one instance serves every session.
 */
public final class PlainControlWrapper implements ControlWrapper {

    public static final PlainControlWrapper INSTANCE = new PlainControlWrapper();

    private PlainControlWrapper() {
    }

    @Override
    public int headroom() {
        return 0;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        return end;
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        packet.position(packet.position() + WireConstants.CONTROL_HEADER_LENGTH);
        return Decoded.ok(packet);
    }

    @Override
    public String toString() {
        return "plain";
    }
}
