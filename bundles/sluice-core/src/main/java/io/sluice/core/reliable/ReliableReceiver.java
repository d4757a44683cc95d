package io.sluice.core.reliable;

import io.sluice.core.wire.ControlPacket;

import java.util.Objects;

/**
 * The receiving half of the reliability layer (reliable.c, receive side; ssl.c
 * {@code tls_pre_decrypt}): takes numbered control messages in whatever order the link
 * brings them and hands them out in id order, each exactly once.
 *
 * <p>Behaviour, as OpenVPN 2.6's:
 * <ul>
 *   <li>Ids from the next expected one up to the receive window past it are kept
 *       ({@link Receipt#ACCEPTED}) and acked.</li>
 *   <li>An id already kept, or already handed out, is a duplicate: dropped but acked again,
 *       since its sender evidently missed the first ack ({@link Receipt#DUPLICATE}).</li>
 *   <li>An id beyond the window is dropped without an ack ({@link Receipt#OUT_OF_WINDOW}),
 *       so the sender retransmits it once the window has moved.</li>
 * </ul>
 *
 * <p>Acks go to the {@link AckTracker} given, which the owner shares with whatever sends
 * its packets. Not thread-safe.
 */
public final class ReliableReceiver {

    /** What {@link #accept} did with a message. */
    public enum Receipt {
        /** New and within the window: kept for delivery, and acked. */
        ACCEPTED,
        /** Seen before: dropped, and acked again. */
        DUPLICATE,
        /** Too far ahead: dropped and not acked, so its sender tries again later. */
        OUT_OF_WINDOW
    }

    /** A ring: {@code slots[head]} holds the expected id, the next slot the id after it, and so on. */
    private final ControlPacket[] slots;
    private final AckTracker acks;
    private int expected;
    private int head;
    private int buffered;

    /** A receiver expecting {@code firstId} first, recording acks in {@code acks}. */
    public ReliableReceiver(ReliableConfig config, int firstId, AckTracker acks) {
        this.slots = new ControlPacket[Objects.requireNonNull(config, "config").receiveWindow()];
        this.acks = Objects.requireNonNull(acks, "acks");
        this.expected = firstId;
    }

    /** The slot of an id within the window. Relative to the expected id, so the 2^32 wrap is harmless. */
    private int slot(int id) {
        return (head + (id - expected)) % slots.length;
    }

    /** Takes in a received message. */
    public Receipt accept(ControlPacket packet) {
        int id = packet.messageId();
        if (PacketIds.isBefore(id, expected)) {
            acks.record(id);
            return Receipt.DUPLICATE;
        }
        if (!PacketIds.inWindow(id, expected, slots.length)) {
            return Receipt.OUT_OF_WINDOW;
        }
        acks.record(id);
        int s = slot(id);
        if (slots[s] != null) {
            return Receipt.DUPLICATE;
        }
        slots[s] = packet;
        buffered++;
        return Receipt.ACCEPTED;
    }

    /** The next message in order, or {@code null} if it has not arrived. Each message is returned once. */
    public ControlPacket poll() {
        ControlPacket next = slots[head];
        if (next == null) {
            return null;
        }
        slots[head] = null;
        head = (head + 1) % slots.length;
        buffered--;
        expected++;
        return next;
    }

    /** The id {@link #poll} delivers next. */
    public int expectedId() {
        return expected;
    }

    /** Messages kept but not yet delivered. */
    public int buffered() {
        return buffered;
    }

    @Override
    public String toString() {
        return "ReliableReceiver{expected=" + Integer.toUnsignedString(expected) + ", buffered=" + buffered + "}";
    }
}
