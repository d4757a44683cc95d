package io.sluice.core.wire;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;

/** Shared bits of the tls-auth and tls-crypt tests. */
final class WrapTesting {

    static final SessionId CLIENT = SessionId.fromHex("0123456789abcdef");
    static final SessionId SERVER = SessionId.fromHex("fedcba9876543210");
    /** A fixed wall-clock second for the replay packet id's time field. */
    static final long TIME = 0x6b000000L;

    private WrapTesting() {
    }

    /** The static key of the loopback captures ({@code openvpn --genkey secret ta.key}). */
    static Key2 key() {
        return StaticKeyFile.parse(Fixtures.resource("ta.key"));
    }

    static ControlReplay replay(long epochSecond) {
        return ControlReplay.defaults(InstantSource.fixed(Instant.ofEpochSecond(epochSecond)), new FakeClock());
    }

    static ControlReplay replay() {
        return replay(TIME);
    }

    static ControlCodec codec(ControlWrapper wrapper, RejectCounters rejects) {
        return new ControlCodec(ControlLimits.DEFAULT, wrapper, rejects);
    }

    static byte[] encode(ControlCodec codec, ControlMessage m) {
        ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(m));
        int n = codec.encode(m, out);
        byte[] b = new byte[n];
        out.flip().get(b);
        return b;
    }

    /** The three kinds of packet a session starts with: a hard reset, a control message with payload, an ack. */
    static ControlMessage[] clientMessages() {
        return new ControlMessage[]{
            new ControlPacket(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, 0, CLIENT, AckRecord.EMPTY, 0, new byte[0]),
            new ControlPacket(Opcode.P_CONTROL_V1, 0, CLIENT, AckRecord.of(SERVER, 0), 1,
                    "\u0016\u0003\u0001 a TLS record".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
            new AckPacket(0, CLIENT, AckRecord.of(SERVER, 1, 2, 3)),
        };
    }

    static ControlMessage[] serverMessages() {
        return new ControlMessage[]{
            new ControlPacket(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, 0, SERVER, AckRecord.of(CLIENT, 0), 0, new byte[0]),
            new ControlPacket(Opcode.P_CONTROL_V1, 0, SERVER, AckRecord.of(CLIENT, 1), 1, new byte[1000]),
            new AckPacket(0, SERVER, AckRecord.of(CLIENT, 2)),
        };
    }

    static byte opcodeByteOf(ControlMessage m) {
        return WireConstants.opcodeByte(m.opcode(), m.keyId());
    }

    /** A P_CONTROL_V1 with a payload, to be sealed by the tests that tamper with it. */
    static ControlPacket hello() {
        byte[] payload = new byte[100];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        return new ControlPacket(Opcode.P_CONTROL_V1, 1, CLIENT, AckRecord.of(SERVER, 7), 3, payload);
    }
}
