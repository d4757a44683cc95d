package io.sluice.core.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Messages built in code survive encode and decode unchanged, at the edges of every field. */
class ControlCodecRoundTripTest {

    private static final SessionId A = SessionId.fromHex("fedcba9876543210");
    private static final SessionId B = SessionId.fromHex("0000000000000001");

    private final ControlCodec codec = ControlCodec.plain(new RejectCounters());

    private ControlMessage roundTrip(ControlMessage m) {
        ByteBuffer buf = ByteBuffer.allocate(codec.maxEncodedLength(m));
        int n = codec.encode(m, buf);
        assertEquals(ControlCodec.plainLength(m), n);
        return codec.decode(buf.flip()).value();
    }

    @Test
    void everyMessageOpcodeAndKeyIdRoundTrips() {
        for (Opcode op : Opcode.values()) {
            if (!op.carriesMessage()) {
                continue;
            }
            for (int kid = 0; kid <= WireConstants.MAX_KEY_ID; kid++) {
                ControlPacket p = new ControlPacket(op, kid, A, AckRecord.of(B, kid), kid * 1000, new byte[]{1, 2, (byte) kid});
                assertEquals(p, roundTrip(p));
            }
        }
    }

    @Test
    void unsignedIdsAtTheTopOfTheRangeRoundTrip() {
        ControlPacket p = new ControlPacket(Opcode.P_CONTROL_V1, 0, A, AckRecord.of(B, -1, 0x80000000, 0x7fffffff),
                0xffffffff, new byte[0]);
        ControlPacket back = (ControlPacket) roundTrip(p);
        assertEquals(0xffffffffL, Integer.toUnsignedLong(back.messageId()));
        assertArrayEquals(new int[]{-1, 0x80000000, 0x7fffffff}, back.acks().ids());
    }

    @Test
    void ackPacketsWithAndWithoutAcksRoundTrip() {
        assertEquals(new AckPacket(7, A, AckRecord.EMPTY), roundTrip(new AckPacket(7, A, AckRecord.EMPTY)));
        AckPacket full = new AckPacket(1, A, AckRecord.of(B, 8, 7, 6, 5, 4, 3, 2, 1));
        assertEquals(full, roundTrip(full));
    }

    @Test
    void theOpcodeByteHoldsOpcodeHighAndKeyIdLow() {
        assertEquals((byte) 0x38, WireConstants.opcodeByte(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, 0));
        assertEquals((byte) 0x4f, WireConstants.opcodeByte(Opcode.P_DATA_V2, 7));
        assertEquals(Opcode.P_CONTROL_WKC_V1, Opcode.ofFirstByte((byte) 0x5a));
        assertEquals(2, WireConstants.keyIdOf((byte) 0x5a));
        assertThrows(IllegalArgumentException.class, () -> WireConstants.opcodeByte(Opcode.P_CONTROL_V1, 8));
    }

    @Test
    void opcodeNumbersAreOpenVpns() {
        int[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        Opcode[] ops = {Opcode.P_CONTROL_HARD_RESET_CLIENT_V1, Opcode.P_CONTROL_HARD_RESET_SERVER_V1,
                Opcode.P_CONTROL_SOFT_RESET_V1, Opcode.P_CONTROL_V1, Opcode.P_ACK_V1, Opcode.P_DATA_V1,
                Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, Opcode.P_CONTROL_HARD_RESET_SERVER_V2, Opcode.P_DATA_V2,
                Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, Opcode.P_CONTROL_WKC_V1};
        for (int i = 0; i < ops.length; i++) {
            assertEquals(expected[i], ops[i].code(), ops[i]::name);
            assertEquals(ops[i], Opcode.of(expected[i]));
        }
        assertEquals(null, Opcode.of(0));
        assertEquals(null, Opcode.of(12));
    }

    @Test
    void aMessageOpcodeIsRequiredForAControlPacket() {
        assertThrows(IllegalArgumentException.class,
                () -> new ControlPacket(Opcode.P_ACK_V1, 0, A, AckRecord.EMPTY, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> new ControlPacket(Opcode.P_DATA_V2, 0, A, AckRecord.EMPTY, 0, new byte[0]));
    }

    @Test
    void aControlPacketOwnsItsPayload() {
        byte[] payload = {1, 2, 3};
        ControlPacket p = new ControlPacket(Opcode.P_CONTROL_V1, 0, A, AckRecord.EMPTY, 0, payload);
        payload[0] = 9;
        assertEquals(1, p.payload().get(0));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> p.payload().put(0, (byte) 5));
    }
}
