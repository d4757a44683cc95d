package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacketIdSenderTest {

    @Test
    void shortFormIdsStartAtOneAndCountUp() {
        PacketIdSender ids = PacketIdSender.shortForm();

        assertEquals(1, ids.next());
        assertEquals(2, ids.next());
        assertEquals(3, ids.next());
        assertEquals(0, ids.time());
    }

    @Test
    void shortFormNeverWrapsAndReportsExhaustionAfterTheLastId() {
        PacketIdSender ids = PacketIdSender.startingAt(PacketIdSender.MAX_ID, null);

        assertEquals(0xFFFF_FFFFL, ids.next());
        assertEquals(PacketIdSender.EXHAUSTED, ids.next());
        assertEquals(PacketIdSender.EXHAUSTED, ids.next());
    }

    @Test
    void asksForRenegotiationFromOpenVpnsWrapTrigger() {
        PacketIdSender ids = PacketIdSender.startingAt(0xFEFF_FFFFL, null);

        ids.next();
        assertFalse(ids.shouldRenegotiate());
        ids.next();
        assertTrue(ids.shouldRenegotiate());
    }

    @Test
    void longFormStampsTheTimeOfTheFirstPacketAndKeepsIt() {
        MutableClock clock = new MutableClock(1_700_000_000L);
        PacketIdSender ids = PacketIdSender.longForm(clock);

        assertEquals(1, ids.next());
        clock.advanceSeconds(30);
        assertEquals(2, ids.next());
        assertEquals(1_700_000_000L, ids.time());
    }

    @Test
    void longFormWrapsToANewTimestampOnlyOnceTheClockHasMovedOn() {
        MutableClock clock = new MutableClock(1_700_000_000L);
        PacketIdSender ids = PacketIdSender.startingAt(PacketIdSender.MAX_ID, clock);

        assertEquals(PacketIdSender.MAX_ID, ids.next());
        assertEquals(PacketIdSender.EXHAUSTED, ids.next());
        clock.advanceSeconds(1);
        assertEquals(1, ids.next());
        assertEquals(1_700_000_001L, ids.time());
    }
}
