package io.sluice.core.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dispatcher can route every real packet by its first bytes alone, whatever protects the rest. */
class OuterHeaderTest {

    private final OuterHeader header = new OuterHeader();

    @Test
    void dataV2FromOpenVpnCarriesPeerIdZeroInAFourByteHeader() {
        for (Fixtures.Packet p : Fixtures.load(Fixtures.PLAIN, f -> f.opcode() == Opcode.P_DATA_V2)) {
            ByteBuffer buf = p.buffer();
            assertTrue(header.parse(buf));
            assertEquals(Opcode.P_DATA_V2, header.opcode());
            assertEquals(0, header.keyId());
            assertEquals(0, header.peerId());
            assertEquals(4, header.headerLength());
            assertEquals(0, buf.position(), "the packet is not consumed");
        }
    }

    @Test
    void undefinedPeerIdIsReportedAsSuch() {
        ByteBuffer p = ByteBuffer.wrap(Hex.bytes("4b ffffff 00000001 aabbcc"));
        assertTrue(header.parse(p));
        assertEquals(3, header.keyId());
        assertEquals(WireConstants.PEER_ID_UNDEF, header.peerId());
    }

    @Test
    void dataV1HasNoPeerId() {
        assertTrue(header.parse(ByteBuffer.wrap(Hex.bytes("31 00000001 99"))));
        assertEquals(Opcode.P_DATA_V1, header.opcode());
        assertEquals(1, header.keyId());
        assertEquals(OuterHeader.NO_PEER_ID, header.peerId());
        assertEquals(1, header.headerLength());
    }

    @Test
    void controlPacketsOfEveryProtectionModeShowOpcodeKeyIdAndSessionId() {
        for (String file : List.of(Fixtures.PLAIN, Fixtures.TLS_AUTH, Fixtures.TLS_CRYPT_V2, Fixtures.RENEGOTIATION)) {
            for (Fixtures.Packet p : Fixtures.load(file, f -> !f.opcode().isData())) {
                assertTrue(header.parse(p.buffer()), p::toString);
                assertEquals(p.opcode(), header.opcode(), p::toString);
                assertEquals(p.keyId(), header.keyId(), p::toString);
                assertEquals(9, header.headerLength());
                assertEquals(SessionId.read(ByteBuffer.wrap(p.bytes()), 1), header.sessionId());
            }
        }
    }

    @Test
    void renegotiationsUseKeyIdsAboveZero() {
        Fixtures.Packet softReset = Fixtures.packet(Fixtures.RENEGOTIATION, 17);
        assertTrue(header.parse(softReset.buffer()));
        assertEquals(Opcode.P_CONTROL_SOFT_RESET_V1, header.opcode());
        assertEquals(1, header.keyId());
        assertEquals(SessionId.fromHex("a384e1e42907f542"), header.sessionId());
    }

    @Test
    void shortHeadersAreTruncatedAndAFailedParseClearsThePreviousOne() {
        assertTrue(header.parse(Fixtures.packet(Fixtures.PLAIN, 15).buffer()));
        assertFalse(header.parse(ByteBuffer.wrap(Hex.bytes("48 0000"))));
        assertEquals(Reject.TRUNCATED, header.reject());
        assertNull(header.opcode());
        assertEquals(OuterHeader.NO_PEER_ID, header.peerId());

        assertFalse(header.parse(ByteBuffer.wrap(Hex.bytes("38 01020304050607"))));
        assertEquals(Reject.TRUNCATED, header.reject());
        assertFalse(header.parse(ByteBuffer.allocate(0)));
        assertEquals(Reject.EMPTY, header.reject());
        assertFalse(header.parse(ByteBuffer.wrap(Hex.bytes("60 0102030405060708"))));
        assertEquals(Reject.UNKNOWN_OPCODE, header.reject());
        assertFalse(header.parse(ByteBuffer.wrap(Hex.bytes("08 0102030405060708"))));
        assertEquals(Reject.OBSOLETE_OPCODE, header.reject());
    }

    @Test
    void parsingReadsFromThePositionNotTheStartOfTheArray() {
        ByteBuffer buf = ByteBuffer.wrap(Hex.bytes("ffff 48 000102 00"));
        buf.position(2);
        assertTrue(header.parse(buf));
        assertEquals(0x000102, header.peerId());
        assertEquals(2, buf.position());
    }
}
