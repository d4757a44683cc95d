package io.sluice.core.reliable;

import io.sluice.core.time.FakeClock;
import io.sluice.core.wire.AckPacket;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.SessionId;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.sluice.core.reliable.ReliableChannel.Outcome.ACCEPTED;
import static io.sluice.core.reliable.ReliableChannel.Outcome.ACK_ONLY;
import static io.sluice.core.reliable.ReliableChannel.Outcome.WRONG_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliableChannelTest {

    private static final SessionId CLIENT = SessionId.fromHex("00000000000000c1");
    private static final SessionId SERVER = SessionId.fromHex("00000000000000e5");

    private final FakeClock clock = new FakeClock();
    private final ReliableChannel client = new ReliableChannel(ReliableConfig.DEFAULT, 0, CLIENT, SessionId.UNDEFINED, 0, 0);
    private final ReliableChannel server = new ReliableChannel(ReliableConfig.DEFAULT, 0, SERVER, CLIENT, 0, 0);

    private long now() {
        return clock.nanos();
    }

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.allocate(n);
    }

    @Test
    void theFirstMessageCarriesNoAcksAndTheAnswerAcksIt() {
        client.send(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, bytes(0), now());
        ControlPacket reset = assertInstanceOf(ControlPacket.class, client.nextToSend(now()));
        assertEquals(AckRecord.EMPTY, reset.acks());
        assertEquals(CLIENT, reset.sessionId());
        assertNull(client.nextToSend(now()));

        assertEquals(ACCEPTED, server.receive(reset, now()));
        server.send(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, bytes(0), now());
        ControlPacket answer = assertInstanceOf(ControlPacket.class, server.nextToSend(now()));
        assertEquals(AckRecord.of(CLIENT, 0), answer.acks(), "the ack rides on the answer");
        assertNull(server.nextToSend(now()), "no standalone ack is needed after that");

        assertEquals(ACCEPTED, client.receive(answer, now()));
        assertEquals(SERVER, client.remoteSessionId(), "learnt from the first packet");
        assertTrue(client.allAcked());
    }

    @Test
    void pendingAcksWithNoMessageDueGoAloneInAnAckPacketOfUpToEight() {
        for (int i = 0; i < 6; i++) {
            client.send(Opcode.P_CONTROL_V1, bytes(1), now());
            server.receive(client.nextToSend(now()), now());
        }
        AckPacket ack = assertInstanceOf(AckPacket.class, server.nextToSend(now()));
        assertEquals(AckRecord.of(CLIENT, 0, 1, 2, 3, 4, 5), ack.acks());
        assertNull(server.nextToSend(now()));
        assertEquals(ACK_ONLY, client.receive(ack, now()));
        assertTrue(client.allAcked());
        assertNull(client.nextToSend(now()), "an ack is never acked");
    }

    @Test
    void aMessageCarriesAtMostFourAcksAndTheRestFollowAlone() {
        for (int i = 0; i < 6; i++) {
            client.send(Opcode.P_CONTROL_V1, bytes(1), now());
            server.receive(client.nextToSend(now()), now());
        }
        server.send(Opcode.P_CONTROL_V1, bytes(3), now());
        ControlPacket message = assertInstanceOf(ControlPacket.class, server.nextToSend(now()));
        assertEquals(AckRecord.of(CLIENT, 0, 1, 2, 3), message.acks());
        AckPacket rest = assertInstanceOf(AckPacket.class, server.nextToSend(now()));
        assertEquals(AckRecord.of(CLIENT, 4, 5, 0, 1, 2, 3), rest.acks(), "new acks first, then recent ones again");
    }

    @Test
    void acksAddressedToAnotherSessionVoidTheWholePacket() {
        client.send(Opcode.P_CONTROL_V1, bytes(1), now());
        client.nextToSend(now());
        ControlPacket stray = new ControlPacket(Opcode.P_CONTROL_V1, 0, SERVER,
                AckRecord.of(SessionId.fromHex("00000000000000ff"), 0), 0, new byte[1]);
        assertEquals(WRONG_SESSION, client.receive(stray, now()));
        assertTrue(!client.allAcked(), "the ack was not taken");
        assertNull(client.poll(), "nor the message");
        assertEquals(0, client.acks().pendingCount());
    }

    @Test
    void aRetransmissionCarriesTheAcksPendingWhenItGoesOut() {
        client.send(Opcode.P_CONTROL_V1, bytes(1), now());
        ControlPacket first = (ControlPacket) client.nextToSend(now());
        assertEquals(AckRecord.EMPTY, first.acks());
        clock.set(client.nextWakeup(now()));
        client.receive(new ControlPacket(Opcode.P_CONTROL_V1, 0, SERVER, AckRecord.EMPTY, 0, new byte[1]), now());
        ControlPacket again = assertInstanceOf(ControlPacket.class, client.nextToSend(now()));
        assertEquals(first.messageId(), again.messageId());
        assertEquals(AckRecord.of(SERVER, 0), again.acks());
        assertNull(client.nextToSend(now()), "the ack went with the retransmission");
    }

    @Test
    void nextWakeupIsNowWhileAcksArePendingAndNeverWhenIdle() {
        assertEquals(ReliableConstants.NEVER, server.nextWakeup(now()));
        server.receive(new ControlPacket(Opcode.P_CONTROL_V1, 0, CLIENT, AckRecord.EMPTY, 0, new byte[1]), now());
        assertEquals(now(), server.nextWakeup(now()));
        server.nextToSend(now());
        assertEquals(ReliableConstants.NEVER, server.nextWakeup(now()));
    }

    @Test
    void packetsOfAnotherKeyIdAreACallerError() {
        ControlPacket kid1 = new ControlPacket(Opcode.P_CONTROL_V1, 1, CLIENT, AckRecord.EMPTY, 0, new byte[1]);
        assertThrows(IllegalArgumentException.class, () -> server.receive(kid1, now()));
    }
}
