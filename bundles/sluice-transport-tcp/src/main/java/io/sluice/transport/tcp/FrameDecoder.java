package io.sluice.transport.tcp;

import java.nio.ByteBuffer;

/**
 * Splits one connection's byte stream into OpenVPN packets: each is preceded by its length
 * as 2 bytes, big-endian, and must be 1 to {@code maxPacketLength} bytes long.
 *
 * <p>Reads may end anywhere (inside the length, inside a packet) and may hold several
 * packets. A packet that lies whole inside one read is handed over in place, as a window of
 * the read buffer; only a packet split across reads is copied, into a buffer kept for the
 * connection and grown (rarely) to the largest packet seen, so decoding allocates nothing
 * per packet.
 *
 * <p>A bad length (0, or over the maximum) is refused as soon as its two bytes are read,
 * without waiting for a body that a confused or hostile peer may never send; the decoder then
 * stays failed, because after a bad length the stream has no packet boundaries left.
 *
 * <p>Not thread-safe: one connection, one I/O thread.
 */
final class FrameDecoder {

    /** Bytes of the length prefix. */
    static final int PREFIX_LENGTH = 2;

    /** The largest length the 2-byte prefix can express (OpenVPN's {@code PACKET_SIZE_MAX}). */
    static final int MAX_WIRE_LENGTH = 0xFFFF;

    /** What {@link #decode} stopped on. */
    enum Status {
        /** Everything given was consumed; the next read continues where this one ended. */
        NEED_MORE,
        /** The sink asked to stop (the connection closed); the rest was not consumed. */
        STOPPED,
        /** A length of 0: OpenVPN never sends an empty packet. */
        ZERO_LENGTH,
        /** A length over the maximum. */
        OVERSIZE
    }

    /** Where decoded packets go. */
    @FunctionalInterface
    interface Sink {
        /**
         * One packet between the buffer's position and limit, valid during the call only.
         *
         * @return whether to go on decoding
         */
        boolean packet(ByteBuffer packet);
    }

    /** A packet split across reads starts this small; most are well under it. */
    private static final int INITIAL_PARTIAL_CAPACITY = 2048;

    private final int maxPacketLength;

    /** The first length byte when a read ended between the two, else -1. */
    private int lengthHighByte = -1;
    /** Length of the packet being assembled in {@link #partial}, else -1. */
    private int partialLength = -1;
    private ByteBuffer partial;
    private Status failure;
    private int badLength = -1;

    /**
     * @param maxPacketLength the largest packet accepted, 1 to {@value #MAX_WIRE_LENGTH}
     */
    FrameDecoder(int maxPacketLength) {
        if (maxPacketLength < 1 || maxPacketLength > MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("maximum packet length must be 1 to " + MAX_WIRE_LENGTH
                    + ", not " + maxPacketLength);
        }
        this.maxPacketLength = maxPacketLength;
    }

    int maxPacketLength() {
        return maxPacketLength;
    }

    /**
     * Decodes the bytes between {@code in}'s position and limit, handing every complete
     * packet to {@code sink}. On {@link Status#NEED_MORE} {@code in} is fully consumed; on
     * {@link Status#STOPPED} its position is just after the last packet handed over.
     */
    Status decode(ByteBuffer in, Sink sink) {
        if (failure != null) {
            return failure;
        }
        while (in.hasRemaining()) {
            if (partialLength >= 0) {
                if (!continuePartial(in, sink)) {
                    return Status.STOPPED;
                }
                continue;
            }
            int length;
            if (lengthHighByte >= 0) {
                length = (lengthHighByte << 8) | (in.get() & 0xFF);
                lengthHighByte = -1;
            } else if (in.remaining() >= PREFIX_LENGTH) {
                // Byte by byte rather than getShort(): correct whatever order the buffer was given.
                length = ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
            } else {
                lengthHighByte = in.get() & 0xFF;
                return Status.NEED_MORE;
            }
            if (length == 0) {
                return fail(Status.ZERO_LENGTH, length);
            }
            if (length > maxPacketLength) {
                return fail(Status.OVERSIZE, length);
            }
            if (in.remaining() >= length) {
                if (!deliverInPlace(in, length, sink)) {
                    return Status.STOPPED;
                }
            } else {
                startPartial(length, in);
            }
        }
        return Status.NEED_MORE;
    }

    /** Whether the stream ended inside a packet or its length: the peer closed mid-packet. */
    boolean midPacket() {
        return lengthHighByte >= 0 || partialLength >= 0;
    }

    /** The refused length after {@link Status#ZERO_LENGTH} or {@link Status#OVERSIZE}, else -1. */
    int badLength() {
        return badLength;
    }

    private boolean deliverInPlace(ByteBuffer in, int length, Sink sink) {
        int end = in.position() + length;
        int limit = in.limit();
        in.limit(end);
        boolean more = sink.packet(in);
        // The sink may have moved position and limit; the next packet starts at end regardless.
        in.limit(limit).position(end);
        return more;
    }

    private void startPartial(int length, ByteBuffer in) {
        if (partial == null || partial.capacity() < length) {
            // Grows to the largest split packet seen, so a connection allocates at most a few times.
            partial = ByteBuffer.allocateDirect(Math.max(length, Math.min(INITIAL_PARTIAL_CAPACITY, maxPacketLength)));
        }
        partial.clear().limit(length);
        partial.put(in);
        partialLength = length;
    }

    private boolean continuePartial(ByteBuffer in, Sink sink) {
        int take = Math.min(partial.remaining(), in.remaining());
        int limit = in.limit();
        in.limit(in.position() + take);
        partial.put(in);
        in.limit(limit);
        if (partial.hasRemaining()) {
            return true;
        }
        partial.flip();
        partialLength = -1;
        boolean more = sink.packet(partial);
        partial.clear();
        return more;
    }

    private Status fail(Status status, int length) {
        failure = status;
        badLength = length;
        return status;
    }
}
