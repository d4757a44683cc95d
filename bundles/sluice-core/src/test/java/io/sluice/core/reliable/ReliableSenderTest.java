package io.sluice.core.reliable;

import io.sluice.core.time.FakeClock;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;

import static io.sluice.core.reliable.ReliableConstants.NEVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliableSenderTest {

    private static final SessionId US = SessionId.fromHex("00000000000000aa");
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final FakeClock clock = new FakeClock();
    private final ReliableSender sender = new ReliableSender();

    private int send(String text) {
        return sender.send(Opcode.P_CONTROL_V1, ByteBuffer.wrap(text.getBytes()), clock.nanos());
    }

    private static AckRecord acks(int... ids) {
        return AckRecord.of(US, ids);
    }

    @Test
    void idsStartAtZeroAndANewMessageIsDueAtOnce() {
        assertEquals(0, send("a"));
        assertEquals(1, send("b"));
        assertEquals(clock.nanos(), sender.nextWakeup(clock.nanos()));
        assertEquals(0, sender.nextDue(clock.nanos()).messageId());
        assertEquals(1, sender.nextDue(clock.nanos()).messageId());
        assertNull(sender.nextDue(clock.nanos()));
    }

    @Test
    void retransmitTimeoutStartsAtTwoSecondsDoublesAndCapsAtThirty() {
        send("hello");
        long[] expectedGaps = {2, 4, 8, 16, 30, 30, 30};
        OutgoingMessage first = sender.nextDue(clock.nanos());
        for (long gap : expectedGaps) {
            long wake = sender.nextWakeup(clock.nanos());
            assertEquals(gap * SECOND, wake - clock.nanos());
            clock.set(wake - 1);
            assertNull(sender.nextDue(clock.nanos()), "not due a nanosecond early");
            clock.set(wake);
            assertSame(first, sender.nextDue(clock.nanos()));
        }
        assertEquals(1 + expectedGaps.length, first.sends());
    }

    @Test
    void aFullSendWindowBlocksNewSendsUntilTheOldestIsAcked() {
        for (int i = 0; i < ReliableConstants.SEND_WINDOW; i++) {
            assertTrue(sender.canSend());
            send("m" + i);
        }
        assertFalse(sender.canSend());
        assertThrows(IllegalStateException.class, () -> send("one too many"));

        // Acks for later messages free buffers but not the window: it is anchored at the
        // oldest unacked message, so id 6 is still too far ahead of id 0.
        sender.acknowledge(acks(1, 2, 3));
        assertFalse(sender.canSend());

        sender.acknowledge(acks(0));
        assertTrue(sender.canSend());
        assertEquals(6, send("m6"));
        assertEquals(7, send("m7"));
        assertEquals(8, send("m8"));
        assertEquals(9, send("m9"));
        assertFalse(sender.canSend(), "ids 4..9 fill the window from the oldest unacked id, 4");
        assertEquals(6, sender.inFlight());
    }

    @Test
    void acksForUnknownOrAlreadyAckedIdsAreIgnored() {
        send("a");
        send("b");
        assertEquals(0, sender.acknowledge(acks(7, 1000, -1)));
        assertEquals(2, sender.inFlight());
        assertEquals(1, sender.acknowledge(acks(1, 1)));
        assertEquals(0, sender.acknowledge(acks(1)));
        assertEquals(1, sender.inFlight());
        assertEquals(1, sender.acknowledge(acks(0)));
        assertTrue(sender.isEmpty());
        assertEquals(NEVER, sender.nextWakeup(clock.nanos()));
    }

    @Test
    void threeAcksForLaterMessagesResendALostOneBeforeItsTimeout() {
        for (int i = 0; i < 4; i++) {
            send("m" + i);
            sender.nextDue(clock.nanos());
        }
        clock.advance(Duration.ofMillis(100));
        sender.acknowledge(acks(1));
        sender.acknowledge(acks(2));
        assertNull(sender.nextDue(clock.nanos()), "two later acks are not enough");
        sender.acknowledge(acks(3));
        assertEquals(clock.nanos(), sender.nextWakeup(clock.nanos()));
        OutgoingMessage resent = sender.nextDue(clock.nanos());
        assertEquals(0, resent.messageId());
        assertEquals(2, resent.sends());
        assertNull(sender.nextDue(clock.nanos()), "the count starts over after the resend");
    }

    @Test
    void schedulingNowMakesEverythingDueWithTheTimeoutReset() {
        send("a");
        for (int i = 0; i < 4; i++) {
            clock.set(sender.nextWakeup(clock.nanos()));
            sender.nextDue(clock.nanos());
        }
        clock.advance(Duration.ofSeconds(1));
        sender.scheduleNow(clock.nanos());
        assertEquals(0, sender.nextDue(clock.nanos()).messageId());
        assertEquals(2 * SECOND, sender.nextWakeup(clock.nanos()) - clock.nanos());
    }

    @Test
    void idsWrapPastTwoToTheThirtyTwo() {
        ReliableSender wrapping = new ReliableSender(ReliableConfig.DEFAULT, 0xfffffffe);
        long now = clock.nanos();
        for (int i = 0; i < ReliableConstants.SEND_WINDOW; i++) {
            wrapping.send(Opcode.P_CONTROL_V1, ByteBuffer.allocate(1), now);
        }
        assertEquals(4, wrapping.nextId());
        assertFalse(wrapping.canSend());
        assertEquals(0xfffffffe, wrapping.nextDue(now).messageId(), "the oldest goes first across the wrap");
        wrapping.acknowledge(acks(0xfffffffe));
        assertTrue(wrapping.canSend());
        assertEquals(0xffffffff, wrapping.nextDue(now).messageId());
        assertEquals(0, wrapping.nextDue(now).messageId());
    }

    @Test
    void theSenderKeepsItsOwnCopyOfThePayload() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[]{1, 2, 3});
        payload.position(1);
        sender.send(Opcode.P_CONTROL_V1, payload, clock.nanos());
        payload.put(1, (byte) 9);
        assertEquals(1, payload.position(), "the caller's buffer is not moved");
        ByteBuffer kept = sender.nextDue(clock.nanos()).payload();
        assertEquals(2, kept.remaining());
        assertEquals(2, kept.get(0));
    }

    @Test
    void onlyMessageOpcodesCanBeSentReliably() {
        assertThrows(IllegalArgumentException.class,
                () -> sender.send(Opcode.P_ACK_V1, ByteBuffer.allocate(0), clock.nanos()));
    }
}
