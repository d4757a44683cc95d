package io.sluice.core.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link ControlWrapper} seam carries tls-auth and tls-crypt: with test-only wrappers, the
 * unchanged codec decodes real protected OpenVPN packets and re-encodes them byte for byte.
 */
class ControlWrapperSeamTest {

    private final RejectCounters rejects = new RejectCounters();

    private byte[] encode(ControlCodec codec, ControlMessage m) {
        ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(m));
        int n = codec.encode(m, out);
        byte[] b = new byte[n];
        out.flip().get(b);
        return b;
    }

    @Test
    void tlsAuthPacketsFromBothSidesOpenAndResealByteForByte() {
        byte[] key = TestKeys.staticKey("tls-auth.key");
        int checked = 0;
        for (Fixtures.Packet p : Fixtures.load(Fixtures.TLS_AUTH, f -> !f.opcode().isData())) {
            // Received by the other side, which holds the opposite key direction.
            TestTlsAuthWrapper receiver = new TestTlsAuthWrapper(key, p.fromClient() ? 0 : 1);
            Decoded<ControlMessage> d = new ControlCodec(ControlLimits.DEFAULT, receiver, rejects).decode(p.buffer());
            assertTrue(d.isOk(), () -> p + ": " + d);

            TestTlsAuthWrapper sender = new TestTlsAuthWrapper(key, p.fromClient() ? 1 : 0);
            sender.sendReplayId = receiver.lastReceivedReplayId;
            assertArrayEquals(p.bytes(), encode(new ControlCodec(ControlLimits.DEFAULT, sender, rejects), d.value()), p::toString);
            checked++;
        }
        assertTrue(checked >= 10);
        assertEquals(0, rejects.total());
    }

    @Test
    void tlsAuthRejectsAFlippedBitAsBadAuthentication() {
        byte[] key = TestKeys.staticKey("tls-auth.key");
        byte[] hello = Fixtures.packet(Fixtures.TLS_AUTH, 3).bytes();
        hello[hello.length - 1] ^= 1;
        ControlCodec codec = new ControlCodec(ControlLimits.DEFAULT, new TestTlsAuthWrapper(key, 0), rejects);
        assertEquals(Reject.BAD_AUTHENTICATION, codec.decode(ByteBuffer.wrap(hello)).reject());
        assertEquals(1, rejects.get(Reject.BAD_AUTHENTICATION));
    }

    @Test
    void theTlsCryptV2ServerResetCarriesTheResendWrappedKeyFlag() {
        byte[] kc = TestKeys.tlsCryptV2ClientKey("tls-crypt-v2-client.key");
        Fixtures.Packet reset = Fixtures.packet(Fixtures.TLS_CRYPT_V2, 2);
        TestTlsCryptWrapper client = new TestTlsCryptWrapper(kc, false);
        ControlCodec codec = new ControlCodec(ControlLimits.DEFAULT, client, rejects);

        ControlPacket p = assertInstanceOf(ControlPacket.class, codec.decode(reset.buffer()).value());
        assertEquals(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, p.opcode());
        assertEquals(AckRecord.of(SessionId.fromHex("c9dbe168b8d82e87"), 0), p.acks());
        assertEquals(0, p.messageId());
        EarlyNegotiation negotiation = EarlyNegotiation.parse(p.payload()).value();
        assertTrue(negotiation.resendWrappedClientKey(), "the server asks for the WKc in P_CONTROL_WKC_V1");

        TestTlsCryptWrapper server = new TestTlsCryptWrapper(kc, true);
        server.sendReplayId = client.lastReceivedReplayId;
        assertArrayEquals(reset.bytes(), encode(new ControlCodec(ControlLimits.DEFAULT, server, rejects), p));
    }

    @Test
    void tlsCryptServerPacketsOpenAndResealByteForByte() {
        byte[] kc = TestKeys.tlsCryptV2ClientKey("tls-crypt-v2-client.key");
        for (Fixtures.Packet p : Fixtures.load(Fixtures.TLS_CRYPT_V2, f -> !f.fromClient() && !f.opcode().isData())) {
            TestTlsCryptWrapper client = new TestTlsCryptWrapper(kc, false);
            ControlMessage m = new ControlCodec(ControlLimits.DEFAULT, client, rejects).decode(p.buffer()).value();
            TestTlsCryptWrapper server = new TestTlsCryptWrapper(kc, true);
            server.sendReplayId = client.lastReceivedReplayId;
            assertArrayEquals(p.bytes(), encode(new ControlCodec(ControlLimits.DEFAULT, server, rejects), m), p::toString);
        }
    }
}
