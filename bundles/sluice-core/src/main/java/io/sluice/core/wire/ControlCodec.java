package io.sluice.core.wire;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Control packets to and from bytes (draft "Control channel wire packet structure";
 * ssl_pkt.c {@code write_control_auth}/{@code read_control_auth}, reliable.c
 * {@code reliable_ack_parse}).
 *
 * <p>Plain layout, after the {@link ControlWrapper} has done its part:
 * <pre>
 * op(5 bits)|key-id(3 bits)  own session id(8)
 * ack count(1)  acked ids(4 each, at most 8)  peer session id(8, only if count &gt; 0)
 * message packet id(4)  payload          (absent in P_ACK_V1)
 * </pre>
 * There is no length field: on UDP the datagram ends the payload, on TCP the transport's
 * 2-byte framing does, so the codec always works on exactly one whole packet.
 *
 * <p>One codec per wrapper, so in general one per session; it is as thread-safe as its
 * wrapper. Rejected packets are counted in the {@link RejectCounters} given.
 */
public final class ControlCodec {

    private final ControlLimits limits;
    private final ControlWrapper wrapper;
    private final RejectCounters rejects;

    public ControlCodec(ControlLimits limits, ControlWrapper wrapper, RejectCounters rejects) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /** A codec without protection and with default limits. */
    public static ControlCodec plain(RejectCounters rejects) {
        return new ControlCodec(ControlLimits.DEFAULT, PlainControlWrapper.INSTANCE, rejects);
    }

    public ControlLimits limits() {
        return limits;
    }

    /**
     * Decodes the packet between {@code packet}'s position and limit. The buffer's position
     * and limit are as before on return; nothing of it is kept, so it may be reused at once.
     */
    public Decoded<ControlMessage> decode(ByteBuffer packet) {
        int position = packet.position();
        int limit = packet.limit();
        try {
            return decodeUnchecked(packet);
        } finally {
            packet.limit(limit).position(position);
        }
    }

    private Decoded<ControlMessage> decodeUnchecked(ByteBuffer packet) {
        int length = packet.remaining();
        if (length == 0) {
            return reject(Reject.EMPTY);
        }
        if (length > limits.maxPacketLength()) {
            return reject(Reject.OVERSIZE);
        }
        byte first = packet.get(packet.position());
        Opcode opcode = Opcode.ofFirstByte(first);
        if (opcode == null) {
            return reject(Reject.UNKNOWN_OPCODE);
        }
        switch (opcode.kind()) {
            case DATA:
                return reject(Reject.NOT_CONTROL);
            case CONTROL_OBSOLETE:
                return reject(Reject.OBSOLETE_OPCODE);
            default:
                break;
        }
        if (length < WireConstants.CONTROL_HEADER_LENGTH) {
            return reject(Reject.TRUNCATED);
        }
        int keyId = WireConstants.keyIdOf(first);
        SessionId sessionId = SessionId.read(packet, packet.position() + 1);

        Decoded<ByteBuffer> opened = wrapper.open(opcode, packet);
        if (!opened.isOk()) {
            return reject(opened.reject());
        }
        ByteBuffer body = opened.value();

        if (body.remaining() < 1) {
            return reject(Reject.TRUNCATED);
        }
        int count = body.get() & 0xFF;
        if (count > WireConstants.MAX_ACKS) {
            return reject(Reject.TOO_MANY_ACKS);
        }
        if (body.remaining() < WireConstants.ackRecordLength(count) - 1) {
            return reject(Reject.TRUNCATED);
        }
        AckRecord acks = AckRecord.EMPTY;
        if (count > 0) {
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                ids[i] = body.getInt();
            }
            acks = AckRecord.of(new SessionId(body.getLong()), ids);
        }

        if (opcode == Opcode.P_ACK_V1) {
            // OpenVPN ignores bytes after an ack record; we refuse them so that what we
            // accept is exactly what we can re-encode, and so a confused peer shows up in the counters.
            if (body.hasRemaining()) {
                return reject(Reject.TRAILING_BYTES);
            }
            return Decoded.ok(new AckPacket(keyId, sessionId, acks));
        }

        if (body.remaining() < WireConstants.PACKET_ID_LENGTH) {
            return reject(Reject.TRUNCATED);
        }
        int messageId = body.getInt();
        if (body.remaining() > limits.maxPayloadLength()) {
            return reject(Reject.OVERSIZE);
        }
        return Decoded.ok(new ControlPacket(opcode, keyId, sessionId, acks, messageId, body));
    }

    private <T> Decoded<T> reject(Reject reason) {
        return Decoded.rejected(rejects.count(reason));
    }

    /** Bytes the plain layout of {@code message} takes, before protection. */
    public static int plainLength(ControlMessage message) {
        int length = WireConstants.CONTROL_HEADER_LENGTH + message.acks().encodedLength();
        if (message instanceof ControlPacket p) {
            length += WireConstants.PACKET_ID_LENGTH + p.payloadLength();
        }
        return length;
    }

    /** Most bytes {@link #encode} writes for {@code message}, protection included. */
    public int maxEncodedLength(ControlMessage message) {
        return plainLength(message) + wrapper.headroom() + wrapper.tailroom(message.opcode());
    }

    /**
     * Encodes {@code message} at {@code out}'s position, protecting it with this codec's
     * wrapper, and advances the position past it.
     *
     * @return bytes written
     * @throws BufferOverflowException  if fewer than {@link #maxEncodedLength} bytes remain;
     *                                  nothing is written then
     * @throws IllegalArgumentException if the message breaks this codec's limits
     */
    public int encode(ControlMessage message, ByteBuffer out) {
        if (message instanceof ControlPacket p && p.payloadLength() > limits.maxPayloadLength()) {
            throw new IllegalArgumentException("payload of " + p.payloadLength() + " bytes exceeds "
                    + limits.maxPayloadLength());
        }
        int max = maxEncodedLength(message);
        if (max > limits.maxPacketLength()) {
            throw new IllegalArgumentException("packet of up to " + max + " bytes exceeds " + limits.maxPacketLength());
        }
        if (out.remaining() < max) {
            throw new BufferOverflowException();
        }
        int start = out.position();
        out.put(WireConstants.opcodeByte(message.opcode(), message.keyId()));
        message.sessionId().write(out);
        out.position(out.position() + wrapper.headroom());
        message.acks().write(out);
        if (message instanceof ControlPacket p) {
            out.putInt(p.messageId());
            p.writePayload(out);
        }
        int end = wrapper.seal(message.opcode(), out, start, out.position());
        out.position(end);
        return end - start;
    }

    @Override
    public String toString() {
        return "ControlCodec{" + wrapper + ", " + limits + "}";
    }
}
