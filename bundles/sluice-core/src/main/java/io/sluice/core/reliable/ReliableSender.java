package io.sluice.core.reliable;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.Opcode;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The sending half of the reliability layer (reliable.c, send side): numbers outgoing
 * control messages, keeps each until the peer acks it, and says when each is due.
 *
 * <p>Behaviour, as OpenVPN 2.6's:
 * <ul>
 *   <li>Ids are consecutive unsigned 32-bit numbers from the first id given (0 for a new key
 *       state), wrapping at 2^32.</li>
 *   <li>A message may be {@linkplain #send sent} only while its id would be less than the
 *       send window past the oldest unacked message ({@link #canSend}); so one lost message
 *       stalls the window until it is acked, which is what keeps the receiver's buffer from
 *       deadlocking.</li>
 *   <li>A new message is due at once; each time it is handed out its next try is set one
 *       timeout later and the timeout doubles, up to the cap.</li>
 *   <li>It is also due at once when acks for {@link ReliableConstants#FAST_RETRANSMIT_ACKS}
 *       later messages arrived since it was last sent.</li>
 *   <li>Acks for ids not in flight (old, duplicate, or never sent) are ignored.</li>
 * </ul>
 *
 * <p>Not thread-safe; allocates only the stored message on {@link #send}.
 */
public final class ReliableSender {

    private final ReliableConfig config;
    private final OutgoingMessage[] slots;
    private int nextId;
    private int inFlight;

    /** A sender whose first message gets id {@code firstId}. */
    public ReliableSender(ReliableConfig config, int firstId) {
        this.config = Objects.requireNonNull(config, "config");
        this.slots = new OutgoingMessage[config.sendWindow()];
        this.nextId = firstId;
    }

    /** A sender for a new key state: ids from 0, OpenVPN's defaults. */
    public ReliableSender() {
        this(ReliableConfig.DEFAULT, 0);
    }

    private OutgoingMessage oldest() {
        OutgoingMessage oldest = null;
        for (OutgoingMessage m : slots) {
            if (m != null && (oldest == null || PacketIds.isBefore(m.messageId(), oldest.messageId()))) {
                oldest = m;
            }
        }
        return oldest;
    }

    /** True if the window has room for another message. */
    public boolean canSend() {
        OutgoingMessage oldest = oldest();
        return oldest == null || PacketIds.inWindow(nextId, oldest.messageId(), slots.length);
    }

    /**
     * Queues a message: gives it the next id and keeps a copy of the payload (position to
     * limit; the buffer is not moved) until acked. It is due at once.
     *
     * @return the message's id
     * @throws IllegalStateException if {@link #canSend()} is false: the owner must keep the
     *                               data (TLS keeps it in its engine) until acks open the window
     */
    public int send(Opcode opcode, ByteBuffer payload, long now) {
        Objects.requireNonNull(opcode, "opcode");
        if (!opcode.carriesMessage()) {
            throw new IllegalArgumentException(opcode + " is not a reliable message");
        }
        if (!canSend()) {
            throw new IllegalStateException("send window full: " + inFlight + " in flight");
        }
        byte[] copy = new byte[payload.remaining()];
        payload.get(payload.position(), copy);
        int id = nextId++;
        // Any free slot: ids in flight span less than the window, so there is one. (Not
        // id modulo window: 2^32 is no multiple of 6, so that would collide at the wrap.)
        int free = 0;
        while (slots[free] != null) {
            free++;
        }
        slots[free] = new OutgoingMessage(opcode, id, copy, now, config.initialTimeoutNanos());
        inFlight++;
        return id;
    }

    /**
     * Takes in the peer's acks: every acked message in flight is done with; every message in
     * flight older than an acked id counts one more later ack towards fast retransmission.
     *
     * @return how many messages this completed
     */
    public int acknowledge(AckRecord acks) {
        int done = 0;
        for (int i = 0; i < acks.size(); i++) {
            int acked = acks.id(i);
            for (int s = 0; s < slots.length; s++) {
                OutgoingMessage m = slots[s];
                if (m == null) {
                    continue;
                }
                if (m.messageId() == acked) {
                    slots[s] = null;
                    inFlight--;
                    done++;
                } else if (PacketIds.isBefore(m.messageId(), acked)) {
                    m.laterAcks++;
                }
            }
        }
        return done;
    }

    private boolean isDue(OutgoingMessage m, long now) {
        return m.laterAcks >= ReliableConstants.FAST_RETRANSMIT_ACKS || now - m.nextTry >= 0;
    }

    /**
     * The due message with the lowest id, or {@code null} if none is due. Handing it out
     * counts as sending it: its next try moves one timeout ahead and the timeout doubles,
     * up to the cap. Call until {@code null} to send everything due.
     */
    public OutgoingMessage nextDue(long now) {
        OutgoingMessage best = null;
        for (OutgoingMessage m : slots) {
            if (m != null && isDue(m, now) && (best == null || PacketIds.isBefore(m.messageId(), best.messageId()))) {
                best = m;
            }
        }
        if (best != null) {
            best.nextTry = now + best.timeout;
            best.timeout = Math.min(best.timeout * 2, config.maxTimeoutNanos());
            best.laterAcks = 0;
            best.sends++;
        }
        return best;
    }

    /**
     * When {@link #nextDue} next returns something: {@code now} if something is due already,
     * {@link ReliableConstants#NEVER} if nothing is in flight.
     */
    public long nextWakeup(long now) {
        long wake = ReliableConstants.NEVER;
        for (OutgoingMessage m : slots) {
            if (m == null) {
                continue;
            }
            if (isDue(m, now)) {
                return now;
            }
            if (wake == ReliableConstants.NEVER || m.nextTry - wake < 0) {
                wake = m.nextTry;
            }
        }
        return wake;
    }

    /**
     * Makes every message in flight due at once with its timeout back at the initial value,
     * as OpenVPN does when the peer first answers, so the handshake need not wait out a
     * back-off that started before the peer was there (reliable.c {@code reliable_schedule_now}).
     */
    public void scheduleNow(long now) {
        for (OutgoingMessage m : slots) {
            if (m != null) {
                m.nextTry = now;
                m.timeout = config.initialTimeoutNanos();
            }
        }
    }

    /** True when every message sent has been acked. */
    public boolean isEmpty() {
        return inFlight == 0;
    }

    /** Messages sent and not yet acked. */
    public int inFlight() {
        return inFlight;
    }

    /** The id the next message will get. */
    public int nextId() {
        return nextId;
    }

    @Override
    public String toString() {
        return "ReliableSender{next=" + Integer.toUnsignedString(nextId) + ", inFlight=" + inFlight + "}";
    }
}
