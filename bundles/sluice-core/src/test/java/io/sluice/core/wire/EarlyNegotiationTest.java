package io.sluice.core.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The early-negotiation TLVs and the tls-crypt-v2 announcement, as OpenVPN 2.6 reads them. */
class EarlyNegotiationTest {

    private static Decoded<EarlyNegotiation> parse(String hex) {
        return EarlyNegotiation.parse(ByteBuffer.wrap(Hex.bytes(hex)));
    }

    @Test
    void emptyPayloadNegotiatesNothing() {
        assertEquals(EarlyNegotiation.NONE, parse("").value());
    }

    @Test
    void flagsTlvAsksForTheWrappedClientKey() {
        EarlyNegotiation n = parse("0001 0002 0001").value();
        assertTrue(n.resendWrappedClientKey());
        assertEquals(1, n.flags());
    }

    @Test
    void unknownTypesAreSkipped() {
        EarlyNegotiation n = parse("0007 0003 aabbcc 0001 0002 0001 0009 0000").value();
        assertTrue(n.resendWrappedClientKey());
        assertFalse(parse("0002 0001 ff").value().resendWrappedClientKey());
    }

    @Test
    void malformedTlvsAreRejected() {
        assertEquals(Reject.BAD_EARLY_NEGOTIATION, parse("00").reject(), "short header");
        assertEquals(Reject.BAD_EARLY_NEGOTIATION, parse("0001 0002 00").reject(), "value cut");
        assertEquals(Reject.BAD_EARLY_NEGOTIATION, parse("0001 0001 01").reject(), "flags not 2 bytes");
        assertEquals(Reject.BAD_EARLY_NEGOTIATION, parse("0005 ffff 00").reject(), "length beyond end");
        RejectCounters counters = new RejectCounters();
        EarlyNegotiation.parse(ByteBuffer.wrap(Hex.bytes("00")), counters);
        assertEquals(1, counters.get(Reject.BAD_EARLY_NEGOTIATION));
    }

    @Test
    void writtenFlagsAreWhatAServerResetCarries() {
        ByteBuffer out = ByteBuffer.allocate(EarlyNegotiation.FLAGS_TLV_LENGTH);
        EarlyNegotiation.writeFlags(out, EarlyNegotiation.FLAG_RESEND_WKC);
        assertEquals("000100020001", Hex.of(out.array()));
        assertTrue(EarlyNegotiation.parse(out.flip()).value().resendWrappedClientKey());
    }

    @Test
    void theRealV3ResetAnnouncesEarlyNegotiationInItsReplayPacketId() {
        Fixtures.Packet v3 = Fixtures.packet(Fixtures.TLS_CRYPT_V2, 1);
        assertEquals(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, v3.opcode());
        int replayPacketId = ByteBuffer.wrap(v3.bytes()).getInt(WireConstants.CONTROL_HEADER_LENGTH);
        assertEquals(EarlyNegotiation.EARLY_NEG_START + 1, replayPacketId);
        assertTrue(EarlyNegotiation.announcedBy(replayPacketId));
        assertFalse(EarlyNegotiation.announcedBy(0), "a client counting from 0 does not support it");
        assertFalse(EarlyNegotiation.announcedBy(1));
    }
}
