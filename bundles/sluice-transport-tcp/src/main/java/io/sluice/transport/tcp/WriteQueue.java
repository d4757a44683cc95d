package io.sluice.transport.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/**
 * Framed packets waiting for a connection's socket to take them: a ring of bytes, bounded
 * both in packets and in bytes.
 *
 * <p>Why bounded in packets, and why a full queue refuses the <em>new</em> packet: this is
 * OpenVPN's {@code --tcp-queue-limit} (default 64). When a TCP peer reads slower than the
 * tunnel produces, OpenVPN stops queueing packets for it at that limit and drops further
 * outgoing packets until the queue drains, keeping the connection; TCP inside the tunnel
 * then backs off as it would on any congested link. A packet is only ever dropped whole and
 * before its first byte was written: dropping the rest of a packet the socket already took
 * part of would cut the stream's framing.
 *
 * <p>The ring is a direct buffer, allocated the first time the socket falls behind, so
 * connections that never stall do not pay for it. Not thread-safe: the connection guards it
 * with its write lock.
 */
final class WriteQueue {

    private final int maxPackets;
    private final int capacity;

    private ByteBuffer ring;
    /** Two windows of {@link #ring} for writing its contents when they wrap around its end. */
    private final ByteBuffer[] windows = new ByteBuffer[2];
    private int head;
    private int size;

    /** Stream offsets at which each queued packet ends, oldest first (a ring of its own). */
    private final long[] packetEnds;
    private int firstPacket;
    private int packets;
    private long bytesQueued;
    private long bytesWritten;

    /**
     * @param maxPackets packets queued at most, counting one the socket took part of
     * @param capacity   bytes queued at most; at least one largest frame, so that the rest of
     *                   a frame the socket took part of always fits
     */
    WriteQueue(int maxPackets, int capacity) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("write queue must hold at least one packet");
        }
        if (capacity < FrameDecoder.PREFIX_LENGTH + FrameDecoder.MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("write queue must hold at least one frame of "
                    + (FrameDecoder.PREFIX_LENGTH + FrameDecoder.MAX_WIRE_LENGTH) + " bytes, not " + capacity);
        }
        this.maxPackets = maxPackets;
        this.capacity = capacity;
        this.packetEnds = new long[maxPackets];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Packets queued, counting one the socket took part of. */
    int packets() {
        return packets;
    }

    /** Bytes queued. */
    int bytes() {
        return size;
    }

    /**
     * Queues the rest of a frame whose beginning the socket already took (from the prefix's
     * or the packet's position on). Only called on an empty queue, where it always fits.
     */
    void addRest(ByteBuffer prefix, ByteBuffer packet) {
        if (!isEmpty()) {
            throw new IllegalStateException("the rest of a frame goes first, into an empty queue");
        }
        ensureRing();
        put(prefix);
        put(packet);
        endPacket();
    }

    /**
     * Queues a whole frame: the 2-byte length, then {@code packet}'s remaining bytes, which
     * it consumes. Refuses it (consuming nothing) when the queue holds its maximum of packets
     * or the frame does not fit.
     *
     * @return whether the frame was queued
     */
    boolean offer(ByteBuffer packet) {
        int length = packet.remaining();
        if (packets >= maxPackets || size + FrameDecoder.PREFIX_LENGTH + length > capacity) {
            return false;
        }
        ensureRing();
        putByte(length >>> 8);
        putByte(length);
        put(packet);
        endPacket();
        return true;
    }

    /**
     * Writes as much as {@code channel} takes without blocking.
     *
     * @return bytes written
     */
    long drainTo(GatheringByteChannel channel) throws IOException {
        if (size == 0) {
            return 0;
        }
        int firstEnd = Math.min(head + size, capacity);
        ByteBuffer first = windows[0];
        first.limit(firstEnd).position(head);
        long written;
        if (firstEnd - head == size) {
            written = channel.write(windows, 0, 1);
        } else {
            ByteBuffer second = windows[1];
            second.position(0).limit(size - (firstEnd - head));
            written = channel.write(windows, 0, 2);
        }
        consumed((int) written);
        return written;
    }

    /** Forgets everything queued (the connection closed). */
    void clear() {
        head = 0;
        size = 0;
        packets = 0;
        firstPacket = 0;
        bytesWritten = bytesQueued;
    }

    private void consumed(int n) {
        head = (head + n) % capacity;
        size -= n;
        bytesWritten += n;
        while (packets > 0 && packetEnds[firstPacket] <= bytesWritten) {
            firstPacket = (firstPacket + 1) % maxPackets;
            packets--;
        }
        if (size == 0) {
            // Start over at the beginning, so the next burst is one contiguous write.
            head = 0;
        }
    }

    private void ensureRing() {
        if (ring == null) {
            ring = ByteBuffer.allocateDirect(capacity);
            windows[0] = ring.duplicate();
            windows[1] = ring.duplicate();
        }
    }

    private void endPacket() {
        packetEnds[(firstPacket + packets) % maxPackets] = bytesQueued;
        packets++;
    }

    private void putByte(int b) {
        ring.put((head + size) % capacity, (byte) b);
        size++;
        bytesQueued++;
    }

    private void put(ByteBuffer src) {
        while (src.hasRemaining()) {
            int tail = (head + size) % capacity;
            int chunk = Math.min(src.remaining(), capacity - tail);
            ring.put(tail, src, src.position(), chunk);
            src.position(src.position() + chunk);
            size += chunk;
            bytesQueued += chunk;
        }
    }
}
