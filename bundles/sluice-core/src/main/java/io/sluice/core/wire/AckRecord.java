package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The acknowledgement part of a control packet: up to {@link WireConstants#MAX_ACKS}
 * message packet ids received from the peer, and, when there is at least one, the peer's
 * own session id, echoed so the peer knows the acks are for its session
 * (reliable.c {@code reliable_ack_write}; draft "Field: acked_pktid_len" to "peer_session_id").
 *
 * <p>Acks are not cumulative: each id acknowledges exactly one message. Immutable.
 */
public final class AckRecord {

    /** No acks. */
    public static final AckRecord EMPTY = new AckRecord(new int[0], null);

    private final int[] ids;
    private final SessionId remoteSessionId;

    private AckRecord(int[] ids, SessionId remoteSessionId) {
        this.ids = ids;
        this.remoteSessionId = remoteSessionId;
    }

    /**
     * Acks for {@code ids} (unsigned 32-bit message packet ids, in the order they go on the
     * wire) of the session {@code remoteSessionId}.
     */
    public static AckRecord of(SessionId remoteSessionId, int... ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.length == 0) {
            return EMPTY;
        }
        if (ids.length > WireConstants.MAX_ACKS) {
            throw new IllegalArgumentException("at most " + WireConstants.MAX_ACKS + " acks: " + ids.length);
        }
        return new AckRecord(ids.clone(), Objects.requireNonNull(remoteSessionId, "remoteSessionId"));
    }

    /** Number of acked ids. */
    public int size() {
        return ids.length;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    /** The {@code i}th acked id (unsigned 32-bit). */
    public int id(int i) {
        return ids[i];
    }

    /** A copy of the acked ids. */
    public int[] ids() {
        return ids.clone();
    }

    /** The session the acks are for: the receiver's own id. Empty when there are no acks. */
    public Optional<SessionId> remoteSessionId() {
        return Optional.ofNullable(remoteSessionId);
    }

    /** Bytes this record takes on the wire. */
    public int encodedLength() {
        return WireConstants.ackRecordLength(ids.length);
    }

    /** Writes the record at the buffer's position and advances it. */
    void write(ByteBuffer out) {
        out.put((byte) ids.length);
        for (int id : ids) {
            out.putInt(id);
        }
        if (remoteSessionId != null) {
            remoteSessionId.write(out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AckRecord other && Arrays.equals(ids, other.ids)
                && Objects.equals(remoteSessionId, other.remoteSessionId);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Objects.hashCode(remoteSessionId);
    }

    @Override
    public String toString() {
        if (ids.length == 0) {
            return "acks[]";
        }
        StringBuilder b = new StringBuilder("acks[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : " ").append(Integer.toUnsignedString(ids[i]));
        }
        return b.append(" sid=").append(remoteSessionId).append(']').toString();
    }
}
