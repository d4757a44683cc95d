package io.sluice.core.reliable;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.SessionId;

import java.util.Objects;

/**
 * Which received message ids to acknowledge (reliable.c {@code reliable_ack_*},
 * {@code copy_acks_to_mru}).
 *
 * <p>Two lists of at most {@link ReliableConstants#ACK_TRACKER_SIZE} ids:
 * <ul>
 *   <li><em>pending</em>: received and not yet acked. Pending acks are what make the owner
 *       send a standalone P_ACK_V1 when it has no message to carry them. An id arriving
 *       while the list is full is not recorded: the sender will retransmit that message
 *       and it is acked then.</li>
 *   <li><em>recent</em>: acked lately, newest first. Acks are not cumulative and a lost ack
 *       would cost a retransmission, so every packet repeats as many recent acks as it has
 *       room for, as OpenVPN does (draft "Acknowledgements").</li>
 * </ul>
 *
 * <p>Not thread-safe; allocates only the {@link AckRecord} it returns.
 */
public final class AckTracker {

    private static final int SIZE = ReliableConstants.ACK_TRACKER_SIZE;

    private final int[] pending = new int[SIZE];
    private int pendingCount;
    private final int[] recent = new int[SIZE];
    private int recentCount;

    /**
     * Records that {@code id} was received and must be acked.
     *
     * @return false if it was already pending, or the pending list is full
     */
    public boolean record(int id) {
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i] == id) {
                return false;
            }
        }
        if (pendingCount == SIZE) {
            return false;
        }
        pending[pendingCount++] = id;
        return true;
    }

    /** True if some received id has not been acked yet. */
    public boolean hasPending() {
        return pendingCount > 0;
    }

    /** True if {@link #take} would return any ack: some id is pending or was acked before. */
    public boolean hasAny() {
        return pendingCount > 0 || recentCount > 0;
    }

    public int pendingCount() {
        return pendingCount;
    }

    /**
     * The acks for the next outgoing packet: the oldest {@code max} pending ids become
     * recent (newest first, in the order they were pending), and the record holds the first
     * {@code max} recent ids. Empty when nothing was ever acked.
     *
     * @param max             acks the packet has room for: {@code MAX_PIGGYBACKED_ACKS} (4)
     *                        on a message, {@code MAX_ACKS} (8) in a P_ACK_V1
     * @param remoteSessionId the peer's session id, echoed in a non-empty record
     */
    public AckRecord take(int max, SessionId remoteSessionId) {
        Objects.requireNonNull(remoteSessionId, "remoteSessionId");
        if (max < 0 || max > SIZE) {
            throw new IllegalArgumentException("max must be 0.." + SIZE + ": " + max);
        }
        int n = Math.min(pendingCount, max);
        // Last first, so the first pending id ends up at the front.
        for (int i = n - 1; i >= 0; i--) {
            moveToFront(pending[i]);
        }
        System.arraycopy(pending, n, pending, 0, pendingCount - n);
        pendingCount -= n;

        int total = Math.min(max, recentCount);
        if (total == 0) {
            return AckRecord.EMPTY;
        }
        int[] ids = new int[total];
        System.arraycopy(recent, 0, ids, 0, total);
        return AckRecord.of(remoteSessionId, ids);
    }

    private void moveToFront(int id) {
        int at = recentCount < SIZE ? recentCount : SIZE - 1;
        for (int i = 0; i < recentCount; i++) {
            if (recent[i] == id) {
                at = i;
                break;
            }
        }
        if (at == recentCount) {
            recentCount++;
        }
        System.arraycopy(recent, 0, recent, 1, at);
        recent[0] = id;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AckTracker{pending=[");
        for (int i = 0; i < pendingCount; i++) {
            b.append(i == 0 ? "" : " ").append(Integer.toUnsignedString(pending[i]));
        }
        b.append("], recent=[");
        for (int i = 0; i < recentCount; i++) {
            b.append(i == 0 ? "" : " ").append(Integer.toUnsignedString(recent[i]));
        }
        return b.append("]}").toString();
    }
}
