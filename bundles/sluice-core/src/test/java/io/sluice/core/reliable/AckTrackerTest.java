package io.sluice.core.reliable;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.SessionId;
import io.sluice.core.wire.WireConstants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AckTrackerTest {

    /** The server's session id in the plain capture (openvpn-2.6.14-udp-plain.txt). */
    private static final SessionId SERVER = SessionId.fromHex("4dc2ca0c2b0334ca");

    private final AckTracker tracker = new AckTracker();

    @Test
    void reproducesTheAcksOpenVpnSentInTheCapturedHandshake() {
        // What the OpenVPN 2.6.14 client received from the server, and the ack records of
        // the packets it sent next (capture positions in brackets). P_CONTROL_V1 carries up
        // to 4 acks; this client also limited its P_ACK_V1 to 4 (OpenVPN's workaround for
        // SoftEther, before key-material export is negotiated).
        int piggy = WireConstants.MAX_PIGGYBACKED_ACKS;
        tracker.record(0);                                        // [2] server reset
        assertEquals(AckRecord.of(SERVER, 0), tracker.take(piggy, SERVER));           // [3] P_CONTROL_V1
        tracker.record(1);                                        // [4]
        assertEquals(AckRecord.of(SERVER, 1, 0), tracker.take(4, SERVER));           // [6] P_ACK_V1
        tracker.record(2);                                        // [5]
        assertEquals(AckRecord.of(SERVER, 2, 1, 0), tracker.take(piggy, SERVER));    // [7] P_CONTROL_V1
        assertFalse(tracker.hasPending());
        assertEquals(AckRecord.of(SERVER, 2, 1, 0), tracker.take(piggy, SERVER));    // [8] repeats recent acks
        tracker.record(3);                                        // [9]
        assertEquals(AckRecord.of(SERVER, 3, 2, 1, 0), tracker.take(4, SERVER));     // [11] P_ACK_V1
        tracker.record(4);                                        // [10]
        assertEquals(AckRecord.of(SERVER, 4, 3, 2, 1), tracker.take(4, SERVER));     // [12] P_ACK_V1
        tracker.record(5);                                        // [13]
        assertEquals(AckRecord.of(SERVER, 5, 4, 3, 2), tracker.take(4, SERVER));     // [14] P_ACK_V1
    }

    @Test
    void aFullPendingListRecordsNoMoreUntilAcksGoOut() {
        for (int i = 0; i < ReliableConstants.ACK_TRACKER_SIZE; i++) {
            assertTrue(tracker.record(i));
        }
        assertFalse(tracker.record(99), "dropped: the sender's retransmission will be acked");
        assertFalse(tracker.record(3), "already pending");
        assertArrayEquals(new int[]{0, 1, 2, 3}, tracker.take(4, SERVER).ids());
        assertEquals(4, tracker.pendingCount());
        assertTrue(tracker.record(99));
    }

    @Test
    void recentAcksKeepTheEightNewestNewestFirstWithoutRepeats() {
        for (int i = 0; i < 10; i++) {
            tracker.record(i);
            tracker.take(1, SERVER);
        }
        tracker.record(5);
        assertArrayEquals(new int[]{5, 9, 8, 7, 6, 4, 3, 2}, tracker.take(8, SERVER).ids());
    }

    @Test
    void nothingToAckGivesAnEmptyRecord() {
        assertFalse(tracker.hasAny());
        assertEquals(AckRecord.EMPTY, tracker.take(4, SERVER));
        tracker.record(1);
        assertTrue(tracker.hasAny());
        assertEquals(AckRecord.EMPTY, tracker.take(0, SERVER), "no room, nothing taken");
        assertTrue(tracker.hasPending());
    }
}
