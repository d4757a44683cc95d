package io.sluice.core.reliable;

import io.sluice.core.wire.AckPacket;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import io.sluice.core.wire.WireConstants;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The reliability layer of one key state (one key id of one session): a
 * {@link ReliableSender}, a {@link ReliableReceiver} and the {@link AckTracker} between them,
 * speaking in decoded {@link ControlMessage}s.
 *
 * <p>It decides what goes out, as OpenVPN 2.6's {@code tls_process} does: a due message goes
 * with up to {@link WireConstants#MAX_PIGGYBACKED_ACKS} acks riding on it; when no message is
 * due but received ids await their ack, a standalone P_ACK_V1 goes with up to
 * {@link WireConstants#MAX_ACKS}. Nothing is sent for received acks alone.
 *
 * <p>The owner (the session layer) loops: hand in each decoded packet with {@link #receive};
 * {@link #poll} delivered messages; {@link #send} new ones while {@link #canSend}; encode and
 * transmit whatever {@link #nextToSend} returns until {@code null}; then sleep until
 * {@link #nextWakeup}. Not thread-safe.
 */
public final class ReliableChannel {

    /** What {@link #receive} made of a packet. */
    public enum Outcome {
        /** A new message, now waiting in {@link #poll}. Its acks were taken in. */
        ACCEPTED,
        /** A message seen before; dropped and acked again. Its acks were taken in. */
        DUPLICATE,
        /** A message too far ahead; dropped unacked. Its acks were taken in. */
        OUT_OF_WINDOW,
        /** A P_ACK_V1; its acks were taken in. */
        ACK_ONLY,
        /**
         * Acks addressed to another session id than ours: the whole packet was ignored, as
         * OpenVPN does (reliable.c {@code reliable_ack_read}).
         */
        WRONG_SESSION
    }

    private final int keyId;
    private final SessionId localSessionId;
    private SessionId remoteSessionId;
    private final ReliableSender sender;
    private final ReliableReceiver receiver;
    private final AckTracker acks = new AckTracker();

    /**
     * @param keyId           the key id stamped on every packet sent
     * @param localSessionId  our session id
     * @param remoteSessionId the peer's, or {@link SessionId#UNDEFINED} to adopt the sender of
     *                        the first packet received
     * @param firstSendId     id of our first message: 0, or 1 when the reset was already sent
     *                        outside this channel (a stateless server's reset reply)
     * @param firstReceiveId  id of the peer's first message we expect: 0, or 1 likewise
     */
    public ReliableChannel(ReliableConfig config, int keyId, SessionId localSessionId, SessionId remoteSessionId,
                           int firstSendId, int firstReceiveId) {
        if (keyId < 0 || keyId > WireConstants.MAX_KEY_ID) {
            throw new IllegalArgumentException("key id must be 0.." + WireConstants.MAX_KEY_ID + ": " + keyId);
        }
        this.keyId = keyId;
        this.localSessionId = Objects.requireNonNull(localSessionId, "localSessionId");
        this.remoteSessionId = Objects.requireNonNull(remoteSessionId, "remoteSessionId");
        this.sender = new ReliableSender(config, firstSendId);
        this.receiver = new ReliableReceiver(config, firstReceiveId, acks);
    }

    /**
     * Takes in a decoded packet of this channel's key id. The session layer has already
     * checked that it comes from the peer this channel talks to.
     */
    public Outcome receive(ControlMessage message, long now) {
        if (message.keyId() != keyId) {
            throw new IllegalArgumentException("key id " + message.keyId() + " on channel of key id " + keyId);
        }
        AckRecord received = message.acks();
        if (!received.isEmpty() && !received.remoteSessionId().orElseThrow().equals(localSessionId)) {
            return Outcome.WRONG_SESSION;
        }
        if (!remoteSessionId.isDefined()) {
            remoteSessionId = message.sessionId();
        }
        sender.acknowledge(received);
        if (message instanceof ControlPacket packet) {
            switch (receiver.accept(packet)) {
                case ACCEPTED:
                    return Outcome.ACCEPTED;
                case DUPLICATE:
                    return Outcome.DUPLICATE;
                default:
                    return Outcome.OUT_OF_WINDOW;
            }
        }
        return Outcome.ACK_ONLY;
    }

    /** The next message in order, or {@code null}. */
    public ControlPacket poll() {
        return receiver.poll();
    }

    /** True if the send window has room for another message. */
    public boolean canSend() {
        return sender.canSend();
    }

    /**
     * Queues a message (payload position to limit, copied) for sending.
     *
     * @return its message id
     * @throws IllegalStateException if {@link #canSend()} is false
     */
    public int send(Opcode opcode, ByteBuffer payload, long now) {
        return sender.send(opcode, payload, now);
    }

    /**
     * The next packet to transmit now, or {@code null} when there is nothing: due messages
     * first (lowest id first) with piggy-backed acks, then a standalone P_ACK_V1 if acks are
     * still pending. Each call counts as transmitting what it returns.
     */
    public ControlMessage nextToSend(long now) {
        OutgoingMessage due = sender.nextDue(now);
        if (due != null) {
            AckRecord piggyback = !acks.hasAny() ? AckRecord.EMPTY
                    : acks.take(WireConstants.MAX_PIGGYBACKED_ACKS, remoteSessionIdForAcks());
            return new ControlPacket(due.opcode(), keyId, localSessionId, piggyback, due.messageId(), due.payload());
        }
        if (acks.hasPending()) {
            return new AckPacket(keyId, localSessionId, acks.take(WireConstants.MAX_ACKS, remoteSessionIdForAcks()));
        }
        return null;
    }

    private SessionId remoteSessionIdForAcks() {
        if (!remoteSessionId.isDefined()) {
            throw new IllegalStateException("acks pending but the peer's session id is unknown");
        }
        return remoteSessionId;
    }

    /**
     * When to call {@link #nextToSend} again: {@code now} if something is ready,
     * {@link ReliableConstants#NEVER} if nothing is in flight or pending.
     */
    public long nextWakeup(long now) {
        return acks.hasPending() ? now : sender.nextWakeup(now);
    }

    /** Makes every message in flight due now, timeouts reset (see {@link ReliableSender#scheduleNow}). */
    public void scheduleNow(long now) {
        sender.scheduleNow(now);
    }

    /** True when everything we sent has been acked. */
    public boolean allAcked() {
        return sender.isEmpty();
    }

    public int keyId() {
        return keyId;
    }

    public SessionId localSessionId() {
        return localSessionId;
    }

    /** The peer's session id, {@link SessionId#UNDEFINED} until known. */
    public SessionId remoteSessionId() {
        return remoteSessionId;
    }

    /** The sending half, for inspection. */
    public ReliableSender sender() {
        return sender;
    }

    /** The receiving half, for inspection. */
    public ReliableReceiver receiver() {
        return receiver;
    }

    /** The ack state, for inspection. */
    public AckTracker acks() {
        return acks;
    }

    @Override
    public String toString() {
        return "ReliableChannel{kid=" + keyId + " local=" + localSessionId + " remote=" + remoteSessionId
                + " " + sender + " " + receiver + " " + acks + "}";
    }
}
