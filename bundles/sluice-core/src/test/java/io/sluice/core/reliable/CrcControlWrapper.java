package io.sluice.core.reliable;

import io.sluice.core.wire.ControlWrapper;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.Reject;
import io.sluice.core.wire.WireConstants;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A test stand-in for tls-auth: a CRC-32 over header and body in the 4 bytes after the
 * session id, where tls-auth puts its HMAC. Plain mode has no integrity check of its own (TLS
 * provides it, above this layer), so the simulated wire needs this for the codec to reject
 * what it corrupts; it also exercises the {@link ControlWrapper} seam.
 */
final class CrcControlWrapper implements ControlWrapper {

    private static final int H = WireConstants.CONTROL_HEADER_LENGTH;
    private final CRC32 crc = new CRC32();

    @Override
    public int headroom() {
        return 4;
    }

    @Override
    public int tailroom(Opcode opcode) {
        return 0;
    }

    private int checksum(ByteBuffer b, int start, int end) {
        crc.reset();
        crc.update(b.duplicate().limit(start + H).position(start));
        crc.update(b.duplicate().limit(end).position(start + H + 4));
        return (int) crc.getValue();
    }

    @Override
    public int seal(Opcode opcode, ByteBuffer out, int start, int end) {
        out.putInt(start + H, checksum(out, start, end));
        return end;
    }

    @Override
    public Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        if (end - start < H + 4) {
            return Decoded.rejected(Reject.TRUNCATED);
        }
        if (packet.getInt(start + H) != checksum(packet, start, end)) {
            return Decoded.rejected(Reject.BAD_AUTHENTICATION);
        }
        packet.position(start + H + 4);
        return Decoded.ok(packet);
    }
}
