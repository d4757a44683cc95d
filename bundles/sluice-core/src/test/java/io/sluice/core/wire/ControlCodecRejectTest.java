package io.sluice.core.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed control packets are rejected with the right reason, counted, and never crash the decoder. */
class ControlCodecRejectTest {

    private static final SessionId A = SessionId.fromHex("0102030405060708");
    private static final SessionId B = SessionId.fromHex("1112131415161718");

    private final RejectCounters rejects = new RejectCounters();
    private final ControlCodec codec = ControlCodec.plain(rejects);

    static List<Fixtures.Packet> controlPackets() {
        return Fixtures.load(Fixtures.PLAIN, p -> !p.opcode().isData());
    }

    /** Bytes up to and including the message packet id: cutting anywhere before their end breaks the packet. */
    private static int fixedPartLength(ControlMessage m) {
        return ControlCodec.plainLength(m) - (m instanceof ControlPacket p ? p.payloadLength() : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlPackets")
    void everyTruncationOfARealPacketIsRejectedUntilOnlyPayloadIsCut(Fixtures.Packet fixture) {
        ControlMessage whole = codec.decode(fixture.buffer()).value();
        int fixed = fixedPartLength(whole);
        for (int length = 0; length < fixture.bytes().length; length++) {
            ByteBuffer cut = ByteBuffer.wrap(fixture.bytes(), 0, length);
            Decoded<ControlMessage> d = codec.decode(cut);
            if (length == 0) {
                assertEquals(Reject.EMPTY, d.reject());
            } else if (length < fixed) {
                assertEquals(Reject.TRUNCATED, d.reject(), "cut at " + length);
            } else {
                // Nothing on the wire gives the payload's length (the datagram does), so a
                // packet cut inside its payload is a well-formed shorter packet.
                ControlPacket p = (ControlPacket) d.value();
                assertEquals(length - fixed, p.payloadLength());
            }
        }
        assertEquals(Math.min(fixed, fixture.bytes().length) - 1, rejects.get(Reject.TRUNCATED));
        assertEquals(1, rejects.get(Reject.EMPTY));
    }

    @Test
    void ackCountAboveEightIsTooManyAcksEvenWhenTheIdsArePresent() {
        ByteBuffer p = ByteBuffer.allocate(9 + 1 + 9 * 4 + 8 + 4);
        p.put(WireConstants.opcodeByte(Opcode.P_CONTROL_V1, 0)).putLong(A.value()).put((byte) 9);
        for (int i = 0; i < 9; i++) {
            p.putInt(i);
        }
        p.putLong(B.value()).putInt(0).flip();
        assertEquals(Reject.TOO_MANY_ACKS, codec.decode(p).reject());
        assertEquals(1, rejects.get(Reject.TOO_MANY_ACKS));
    }

    @Test
    void eightAcksAreTheMostAndAreAccepted() {
        AckPacket eight = new AckPacket(0, A, AckRecord.of(B, 0, 1, 2, 3, 4, 5, 6, 7));
        ByteBuffer buf = ByteBuffer.allocate(64);
        codec.encode(eight, buf);
        assertEquals(eight, codec.decode(buf.flip()).value());
        assertThrows(IllegalArgumentException.class, () -> AckRecord.of(B, 0, 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void unassignedOpcodesAreUnknown() {
        for (int op : new int[]{0, 12, 13, 31}) {
            byte[] p = new byte[20];
            p[0] = (byte) (op << 3);
            assertEquals(Reject.UNKNOWN_OPCODE, codec.decode(ByteBuffer.wrap(p)).reject(), "opcode " + op);
        }
        assertEquals(4, rejects.get(Reject.UNKNOWN_OPCODE));
    }

    @Test
    void keyMethodOneResetsAreObsolete() {
        for (Opcode op : new Opcode[]{Opcode.P_CONTROL_HARD_RESET_CLIENT_V1, Opcode.P_CONTROL_HARD_RESET_SERVER_V1}) {
            byte[] p = new byte[14];
            p[0] = WireConstants.opcodeByte(op, 0);
            assertEquals(Reject.OBSOLETE_OPCODE, codec.decode(ByteBuffer.wrap(p)).reject());
        }
    }

    @Test
    void bytesAfterAnAckRecordAreTrailingBytes() {
        byte[] real = Fixtures.packet(Fixtures.PLAIN, 6).bytes();
        byte[] longer = new byte[real.length + 1];
        System.arraycopy(real, 0, longer, 0, real.length);
        assertEquals(Reject.TRAILING_BYTES, codec.decode(ByteBuffer.wrap(longer)).reject());
    }

    @Test
    void packetsAndPayloadsOverTheLimitsAreOversize() {
        ControlCodec small = new ControlCodec(new ControlLimits(100, 50), PlainControlWrapper.INSTANCE, rejects);
        ByteBuffer tooLong = ByteBuffer.allocate(101);
        tooLong.put(0, WireConstants.opcodeByte(Opcode.P_CONTROL_V1, 0));
        assertEquals(Reject.OVERSIZE, small.decode(tooLong).reject());

        ControlPacket bigPayload = new ControlPacket(Opcode.P_CONTROL_V1, 0, A, AckRecord.EMPTY, 0, new byte[51]);
        ByteBuffer buf = ByteBuffer.allocate(200);
        codec.encode(bigPayload, buf);
        assertEquals(Reject.OVERSIZE, small.decode(buf.flip()).reject());
        assertEquals(2, rejects.get(Reject.OVERSIZE));
        assertThrows(IllegalArgumentException.class, () -> small.encode(bigPayload, ByteBuffer.allocate(200)));
    }

    @Test
    void encodingIntoTooSmallABufferWritesNothing() {
        ControlPacket p = new ControlPacket(Opcode.P_CONTROL_V1, 3, A, AckRecord.of(B, 7), 9, new byte[10]);
        ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(p) - 1);
        assertThrows(BufferOverflowException.class, () -> codec.encode(p, out));
        assertEquals(0, out.position());
        assertArrayEquals(new byte[out.capacity()], out.array());
    }

    @Test
    void randomGarbageNeverThrowsAndEveryRejectionIsCounted() {
        Random random = new Random(0x5EED);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (i % 2 == 0 && junk.length > 0) {
                // Half with a plausible opcode byte, to get past the first check.
                junk[0] = WireConstants.opcodeByte(i % 4 == 0 ? Opcode.P_ACK_V1 : Opcode.P_CONTROL_V1, random.nextInt(8));
            }
            Decoded<ControlMessage> d = codec.decode(ByteBuffer.wrap(junk));
            if (!d.isOk()) {
                rejected++;
            }
        }
        assertTrue(rejected > 0);
        assertEquals(rejected, rejects.total());
        assertTrue(rejects.get(Reject.TOO_MANY_ACKS) > 0);
        assertTrue(rejects.get(Reject.UNKNOWN_OPCODE) > 0);
    }

    @Test
    void mutatedRealPacketsDecodeOrRejectButNeverThrow() {
        Random random = new Random(42);
        for (Fixtures.Packet fixture : controlPackets()) {
            for (int i = 0; i < 500; i++) {
                byte[] b = fixture.bytes().clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    b[random.nextInt(Math.min(b.length, 48))] ^= (byte) (1 << random.nextInt(8));
                }
                Decoded<ControlMessage> d = codec.decode(ByteBuffer.wrap(b));
                if (d.isOk()) {
                    ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(d.value()));
                    codec.encode(d.value(), out);
                    assertArrayEquals(b, out.array(), "whatever decodes re-encodes to the same bytes");
                }
            }
        }
    }

    @Test
    void rejectionsAllocateNoNewResultObjects() {
        Decoded<ControlMessage> first = codec.decode(ByteBuffer.allocate(0));
        Decoded<ControlMessage> second = codec.decode(ByteBuffer.allocate(0));
        assertFalse(first.isOk());
        assertTrue(first == second, "rejections are shared constants");
    }
}
