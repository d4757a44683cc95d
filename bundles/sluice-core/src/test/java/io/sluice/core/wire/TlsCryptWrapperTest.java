package io.sluice.core.wire;

import static io.sluice.core.wire.WrapTesting.codec;
import static io.sluice.core.wire.WrapTesting.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.KeyDirection;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** tls-crypt between two of our own peers: what passes, what is dropped and why. */
class TlsCryptWrapperTest {

    private static final int HEADROOM = 8 + 32;

    private final RejectCounters rejects = new RejectCounters();

    private static TlsCryptProtection protection(boolean server, ControlLimits limits) throws GeneralSecurityException {
        return ControlProtections.tlsCrypt(WrapTesting.key(), server, limits, WrapTesting.replay());
    }

    private static TlsCryptProtection client() throws GeneralSecurityException {
        return protection(false, ControlLimits.DEFAULT);
    }

    private static TlsCryptProtection server() throws GeneralSecurityException {
        return protection(true, ControlLimits.DEFAULT);
    }

    private void assertRoundTrips(ControlProtection from, ControlProtection to, ControlMessage... messages) {
        ControlCodec sender = codec(from.newWrapper(), rejects);
        ControlCodec receiver = codec(to.newWrapper(), rejects);
        for (ControlMessage m : messages) {
            byte[] sealed = encode(sender, m);
            assertEquals(ControlCodec.plainLength(m) + HEADROOM, sealed.length, "CTR keeps the body's length");
            Decoded<ControlMessage> d = receiver.decode(ByteBuffer.wrap(sealed));
            assertTrue(d.isOk(), () -> m + ": " + d);
            assertEquals(m, d.value());
        }
        assertEquals(0, rejects.total());
    }

    @Test
    void hardResetControlAndAckRoundTripBetweenClientAndServer() throws Exception {
        assertRoundTrips(client(), server(), WrapTesting.clientMessages());
        assertRoundTrips(server(), client(), WrapTesting.serverMessages());
    }

    @Test
    void theDirectionFollowsTheRoleServerNormalClientInverse() {
        assertEquals(KeyDirection.NORMAL, TlsCryptProtection.direction(true));
        assertEquals(KeyDirection.INVERSE, TlsCryptProtection.direction(false));
    }

    @Test
    void aPacketFromAPeerOfTheSameRoleIsDropped() throws Exception {
        byte[] fromServer = encode(codec(server().newWrapper(), rejects), WrapTesting.hello());
        assertEquals(Reject.BAD_AUTHENTICATION, codec(server().newWrapper(), rejects).decode(ByteBuffer.wrap(fromServer)).reject());
        assertFalse(server().authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(fromServer)));
        byte[] fromClient = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        assertEquals(Reject.BAD_AUTHENTICATION, codec(client().newWrapper(), rejects).decode(ByteBuffer.wrap(fromClient)).reject());
    }

    @Test
    void theBodyIsEncryptedAndTheHeaderAndReplayIdAreNot() throws Exception {
        ControlPacket hello = WrapTesting.hello();
        ByteBuffer sealed = ByteBuffer.wrap(encode(codec(client().newWrapper(), rejects), hello));
        assertEquals(WrapTesting.opcodeByteOf(hello), sealed.get(0));
        assertEquals(WrapTesting.CLIENT, SessionId.read(sealed, 1));
        assertEquals(1, sealed.getInt(9));
        assertEquals(WrapTesting.TIME, Integer.toUnsignedLong(sealed.getInt(13)));
        byte[] payload = new byte[hello.payloadLength()];
        hello.payload().get(payload);
        byte[] tail = Arrays.copyOfRange(sealed.array(), sealed.limit() - payload.length, sealed.limit());
        assertFalse(Arrays.equals(payload, tail));
    }

    @Test
    void aRetransmissionIsSealedAfreshUnderTheNextPacketId() throws Exception {
        ControlCodec sender = codec(client().newWrapper(), rejects);
        ByteBuffer first = ByteBuffer.wrap(encode(sender, WrapTesting.hello()));
        ByteBuffer again = ByteBuffer.wrap(encode(sender, WrapTesting.hello()));
        assertEquals(1, first.getInt(9));
        assertEquals(2, again.getInt(9));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first.array(), 17, 49), Arrays.copyOfRange(again.array(), 17, 49)),
                "another tag, so another IV");
    }

    @Test
    void flippingAnySingleByteIsBadAuthentication() throws Exception {
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        int flips = 0;
        for (int i = 0; i < sealed.length; i++) {
            for (int mask : i == 0 ? new int[]{0x01, 0x08} : new int[]{0x01, 0x80}) {
                byte[] bad = sealed.clone();
                bad[i] ^= (byte) mask;
                assertEquals(Reject.BAD_AUTHENTICATION, receiver.decode(ByteBuffer.wrap(bad)).reject(), "byte " + i);
                flips++;
            }
        }
        assertEquals(flips, rejects.get(Reject.BAD_AUTHENTICATION));
        assertTrue(receiver.decode(ByteBuffer.wrap(sealed)).isOk(), "the failures left the replay window alone");
    }

    @Test
    void aCutPacketIsTruncatedWhileTooShortForIdAndTagElseBadAuthentication() throws Exception {
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        for (int n = 1; n < sealed.length; n++) {
            Reject expected = n < 9 + HEADROOM ? Reject.TRUNCATED : Reject.BAD_AUTHENTICATION;
            assertEquals(expected, receiver.decode(ByteBuffer.wrap(Arrays.copyOf(sealed, n))).reject(), n + " bytes");
        }
    }

    @Test
    void aReplayedPacketIsDroppedAndReorderingWithinTheWindowIsNot() throws Exception {
        ControlCodec sender = codec(client().newWrapper(), rejects);
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        byte[] first = encode(sender, WrapTesting.hello());
        byte[] second = encode(sender, WrapTesting.hello());
        assertTrue(receiver.decode(ByteBuffer.wrap(second)).isOk());
        assertTrue(receiver.decode(ByteBuffer.wrap(first)).isOk());
        assertEquals(Reject.REPLAY, receiver.decode(ByteBuffer.wrap(first)).reject());
        assertEquals(Reject.REPLAY, receiver.decode(ByteBuffer.wrap(second)).reject());
        assertEquals(2, rejects.get(Reject.REPLAY));
    }

    @Test
    void openDecryptsIntoABufferTheWrapperOwnsAndReuses() throws Exception {
        ControlCodec sender = codec(client().newWrapper(), rejects);
        ControlWrapper receiver = server().newWrapper();
        ByteBuffer one = ByteBuffer.wrap(encode(sender, WrapTesting.hello()));
        ByteBuffer two = ByteBuffer.wrap(encode(sender, WrapTesting.clientMessages()[1]));
        ByteBuffer body1 = receiver.open(Opcode.P_CONTROL_V1, one.duplicate()).value();
        assertNotSame(one, body1);
        ByteBuffer body2 = receiver.open(Opcode.P_CONTROL_V1, two.duplicate()).value();
        assertSame(body1, body2);
        // And the codec copies what it keeps, so a decoded message outlives the next open.
        ControlCodec codec = codec(server().newWrapper(), rejects);
        ControlPacket a = assertInstanceOf(ControlPacket.class, codec.decode(one).value());
        codec.decode(two);
        assertEquals(WrapTesting.hello(), a);
    }

    @Test
    void aBodyLargerThanTheLimitsAllowIsOversize() throws Exception {
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.serverMessages()[1]);
        ControlLimits small = new ControlLimits(200, 100);
        ControlWrapper receiver = protection(true, small).newWrapper();
        assertEquals(Reject.OVERSIZE, receiver.open(Opcode.P_CONTROL_V1, ByteBuffer.wrap(sealed)).reject());
        byte[] fits = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        assertTrue(fits.length <= 200);
        assertTrue(receiver.open(Opcode.P_CONTROL_V1, ByteBuffer.wrap(fits)).isOk());
    }

    @Test
    void authenticatesChecksWithoutReplayStateAndLeavesTheBufferAsItWas() throws Exception {
        TlsCryptProtection server = server();
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.serverMessages()[1]);
        ByteBuffer framed = ByteBuffer.allocateDirect(sealed.length + 10).position(5).put(sealed).flip().position(5);
        byte[] before = new byte[sealed.length];
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed));
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed), "no replay window: true again");
        assertEquals(5, framed.position());
        assertEquals(5 + sealed.length, framed.limit());
        framed.get(5, before);
        assertArrayEquals(sealed, before, "nothing decrypted in place");
        assertTrue(codec(server.newWrapper(), rejects).decode(framed).isOk(), "a session still accepts it");
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed), "and it still authenticates");

        for (int i = 1; i < sealed.length; i += 7) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x40;
            assertFalse(server.authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(bad)), "byte " + i);
        }
        assertFalse(server.authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(sealed, 0, 9 + HEADROOM - 1)));
    }

    @Test
    void sealingIntoADirectBufferGivesTheSameBytes() throws Exception {
        ControlCodec heap = codec(client().newWrapper(), rejects);
        ControlCodec direct = codec(client().newWrapper(), rejects);
        ControlMessage m = WrapTesting.serverMessages()[1];
        ByteBuffer out = ByteBuffer.allocateDirect(direct.maxEncodedLength(m));
        int n = direct.encode(m, out);
        byte[] bytes = new byte[n];
        out.flip().get(bytes);
        assertArrayEquals(encode(heap, m), bytes);
    }

    @Test
    void tlsCryptIsNotAnnouncedInTheOptionsString() throws Exception {
        assertFalse(server().announcedInOptionsString());
        assertEquals("tls-crypt", server().name());
    }
}
