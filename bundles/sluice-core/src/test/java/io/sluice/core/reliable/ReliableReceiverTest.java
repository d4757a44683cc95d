package io.sluice.core.reliable;

import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import org.junit.jupiter.api.Test;

import static io.sluice.core.reliable.ReliableReceiver.Receipt.ACCEPTED;
import static io.sluice.core.reliable.ReliableReceiver.Receipt.DUPLICATE;
import static io.sluice.core.reliable.ReliableReceiver.Receipt.OUT_OF_WINDOW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReliableReceiverTest {

    private static final SessionId PEER = SessionId.fromHex("00000000000000bb");
    private static final SessionId US = SessionId.fromHex("00000000000000aa");

    private final AckTracker acks = new AckTracker();
    private final ReliableReceiver receiver = new ReliableReceiver(ReliableConfig.DEFAULT, 0, acks);

    private static ControlPacket message(int id) {
        return new ControlPacket(Opcode.P_CONTROL_V1, 0, PEER, AckRecord.EMPTY, id, new byte[]{(byte) id});
    }

    private int[] ackedNow() {
        return acks.take(ReliableConstants.ACK_TRACKER_SIZE, US).ids();
    }

    @Test
    void outOfOrderMessagesAreDeliveredInOrderOnce() {
        assertEquals(ACCEPTED, receiver.accept(message(2)));
        assertEquals(ACCEPTED, receiver.accept(message(1)));
        assertNull(receiver.poll(), "id 0 has not arrived");
        assertEquals(ACCEPTED, receiver.accept(message(0)));
        assertEquals(0, receiver.poll().messageId());
        assertEquals(1, receiver.poll().messageId());
        assertEquals(2, receiver.poll().messageId());
        assertNull(receiver.poll());
        assertEquals(3, receiver.expectedId());
    }

    @Test
    void everyAcceptedMessageIsAckedInArrivalOrder() {
        receiver.accept(message(2));
        receiver.accept(message(0));
        assertArrayEquals(new int[]{2, 0}, ackedNow());
    }

    @Test
    void duplicatesAreDroppedButAckedAgain() {
        receiver.accept(message(0));
        receiver.accept(message(1));
        assertEquals(DUPLICATE, receiver.accept(message(1)), "still buffered");
        assertEquals(0, receiver.poll().messageId());
        assertEquals(DUPLICATE, receiver.accept(message(0)), "already delivered");
        ackedNow();
        assertEquals(DUPLICATE, receiver.accept(message(0)));
        assertEquals(1, acks.pendingCount(), "the duplicate is acked again: its sender missed our ack");
        assertEquals(1, receiver.poll().messageId());
        assertNull(receiver.poll(), "each message is delivered once");
    }

    @Test
    void messagesBeyondTheWindowAreDroppedWithoutAnAck() {
        int window = ReliableConstants.RECEIVE_WINDOW;
        assertEquals(OUT_OF_WINDOW, receiver.accept(message(window)));
        assertEquals(0, acks.pendingCount(), "unacked, so the sender will retry once the window moves");
        assertEquals(ACCEPTED, receiver.accept(message(window - 1)));
        receiver.accept(message(0));
        receiver.poll();
        assertEquals(ACCEPTED, receiver.accept(message(window)), "the window moved with the delivery");
        assertEquals(2, receiver.buffered());
    }

    @Test
    void idsWrapPastTwoToTheThirtyTwo() {
        ReliableReceiver wrapping = new ReliableReceiver(ReliableConfig.DEFAULT, 0xffffffff, acks);
        assertEquals(ACCEPTED, wrapping.accept(message(0)));
        assertEquals(ACCEPTED, wrapping.accept(message(0xffffffff)));
        assertEquals(DUPLICATE, wrapping.accept(message(0xfffffff0)), "behind the window: old");
        assertEquals(0xffffffff, wrapping.poll().messageId());
        assertEquals(0, wrapping.poll().messageId());
        assertEquals(1, wrapping.expectedId());
    }

    @Test
    void shuffledWindowsAcrossTheWrapAreDeliveredInOrder() {
        java.util.Random random = new java.util.Random(3);
        int first = -100;
        ReliableReceiver wrapping = new ReliableReceiver(ReliableConfig.DEFAULT, first, acks);
        int delivered = 0;
        for (int base = 0; base < 240; base += ReliableConstants.RECEIVE_WINDOW) {
            java.util.List<Integer> ids = new java.util.ArrayList<>();
            for (int i = 0; i < ReliableConstants.RECEIVE_WINDOW; i++) {
                ids.add(first + base + i);
            }
            java.util.Collections.shuffle(ids, random);
            for (int id : ids) {
                assertEquals(ACCEPTED, wrapping.accept(message(id)));
                acks.take(8, US);
            }
            ControlPacket p;
            while ((p = wrapping.poll()) != null) {
                assertEquals(first + delivered, p.messageId());
                delivered++;
            }
        }
        assertEquals(240, delivered);
    }

    @Test
    void aReceiverStartingAtOneTreatsIdZeroAsAlreadyDelivered() {
        // A stateless server answered the reset (id 0) before this receiver existed.
        ReliableReceiver afterReset = new ReliableReceiver(ReliableConfig.DEFAULT, 1, acks);
        assertEquals(DUPLICATE, afterReset.accept(message(0)));
        assertEquals(ACCEPTED, afterReset.accept(message(1)));
    }
}
