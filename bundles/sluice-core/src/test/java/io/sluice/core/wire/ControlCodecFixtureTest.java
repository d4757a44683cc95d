package io.sluice.core.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real OpenVPN 2.6 control packets decode to what they say and re-encode to the same bytes. */
class ControlCodecFixtureTest {

    private static final SessionId CLIENT = SessionId.fromHex("158907608fbd091c");
    private static final SessionId SERVER = SessionId.fromHex("4dc2ca0c2b0334ca");

    private final RejectCounters rejects = new RejectCounters();
    private final ControlCodec codec = ControlCodec.plain(rejects);

    static List<Fixtures.Packet> plainControlPackets() {
        return Fixtures.load(Fixtures.PLAIN, p -> !p.opcode().isData());
    }

    private ControlMessage decode(int index) {
        Decoded<ControlMessage> d = codec.decode(Fixtures.packet(Fixtures.PLAIN, index).buffer());
        assertTrue(d.isOk(), () -> "packet " + index + ": " + d);
        return d.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainControlPackets")
    void everyCapturedControlPacketReEncodesByteForByte(Fixtures.Packet fixture) {
        ByteBuffer in = fixture.buffer();
        Decoded<ControlMessage> decoded = codec.decode(in);
        assertTrue(decoded.isOk(), decoded::toString);
        assertEquals(0, in.position(), "decode leaves the buffer's position alone");
        ControlMessage message = decoded.value();
        assertEquals(fixture.opcode(), message.opcode());
        assertEquals(fixture.keyId(), message.keyId());
        assertEquals(fixture.fromClient() ? CLIENT : SERVER, message.sessionId());

        ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(message) + 7);
        out.position(3);
        int written = codec.encode(message, out);
        assertEquals(fixture.bytes().length, written);
        assertEquals(3 + written, out.position());
        byte[] encoded = new byte[written];
        out.get(3, encoded);
        assertArrayEquals(fixture.bytes(), encoded);
        assertEquals(0, rejects.total());
    }

    @Test
    void clientHardResetV2FromOpenVpn26CarriesNoAcksIdZeroAndAnEmptyPayload() {
        ControlPacket reset = assertInstanceOf(ControlPacket.class, decode(1));
        assertEquals(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, reset.opcode());
        assertEquals(0, reset.keyId());
        assertEquals(CLIENT, reset.sessionId());
        assertEquals(AckRecord.EMPTY, reset.acks());
        assertEquals(0, reset.messageId());
        assertEquals(0, reset.payloadLength());
        assertEquals(EarlyNegotiation.NONE, EarlyNegotiation.parse(reset.payload()).value());
    }

    @Test
    void serverHardResetV2AcksTheClientResetUnderTheClientSessionId() {
        ControlPacket reset = assertInstanceOf(ControlPacket.class, decode(2));
        assertEquals(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, reset.opcode());
        assertEquals(SERVER, reset.sessionId());
        assertEquals(AckRecord.of(CLIENT, 0), reset.acks());
        assertEquals(0, reset.messageId());
        assertEquals(0, reset.payloadLength());
    }

    @Test
    void controlV1CarriesTheTlsClientHelloAsPayload() {
        ControlPacket hello = assertInstanceOf(ControlPacket.class, decode(3));
        assertEquals(Opcode.P_CONTROL_V1, hello.opcode());
        assertEquals(AckRecord.of(SERVER, 0), hello.acks());
        assertEquals(1, hello.messageId());
        ByteBuffer tls = hello.payload();
        assertEquals(0x16, tls.get(0), "TLS record type handshake");
        assertEquals(0x03, tls.get(1), "TLS record version major");
        int recordLength = tls.getShort(3) & 0xFFFF;
        assertEquals(hello.payloadLength(), 5 + recordLength, "one whole TLS record");
        assertEquals(0x01, tls.get(5), "handshake type ClientHello");
    }

    @Test
    void standaloneAckRepeatsRecentlyAckedIds() {
        AckPacket ack = assertInstanceOf(AckPacket.class, decode(6));
        assertEquals(AckRecord.of(SERVER, 1, 0), ack.acks());
        AckPacket four = assertInstanceOf(AckPacket.class, decode(12));
        assertEquals(AckRecord.of(SERVER, 4, 3, 2, 1), four.acks());
    }

    @Test
    void controlV1PiggyBacksUpToFourAcks() {
        ControlPacket p = assertInstanceOf(ControlPacket.class, decode(7));
        assertEquals(AckRecord.of(SERVER, 2, 1, 0), p.acks());
        assertEquals(2, p.messageId());
        ControlPacket q = assertInstanceOf(ControlPacket.class, decode(10));
        assertEquals(AckRecord.of(CLIENT, 3, 2, 1), q.acks());
        assertEquals(4, q.messageId());
    }

    @Test
    void dataPacketsAreNotControlPackets() {
        for (Fixtures.Packet data : Fixtures.load(Fixtures.PLAIN, p -> p.opcode().isData())) {
            assertEquals(Reject.NOT_CONTROL, codec.decode(data.buffer()).reject(), data::toString);
        }
        assertTrue(rejects.get(Reject.NOT_CONTROL) > 0);
    }
}
