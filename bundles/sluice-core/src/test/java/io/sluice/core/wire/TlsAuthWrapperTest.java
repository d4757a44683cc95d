package io.sluice.core.wire;

import static io.sluice.core.wire.WrapTesting.codec;
import static io.sluice.core.wire.WrapTesting.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.testing.TestCrypto;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/** tls-auth between two of our own peers: what passes, what is dropped and why. */
class TlsAuthWrapperTest {

    private final RejectCounters rejects = new RejectCounters();

    private static TlsAuthProtection protection(KeyDirection direction, String digest) throws GeneralSecurityException {
        DigestProvider digests = TestCrypto.providers().digest(digest).orElse(null);
        return ControlProtections.tlsAuth(WrapTesting.key(), direction, digest, digests, WrapTesting.replay());
    }

    private static TlsAuthProtection client() throws GeneralSecurityException {
        return protection(KeyDirection.INVERSE, "SHA1"); // tls-auth ta.key 1
    }

    private static TlsAuthProtection server() throws GeneralSecurityException {
        return protection(KeyDirection.NORMAL, "SHA1"); // tls-auth ta.key 0
    }

    private void assertRoundTrips(ControlProtection from, ControlProtection to, ControlMessage... messages) {
        ControlWrapper wrapper = from.newWrapper();
        ControlCodec sender = codec(wrapper, rejects);
        ControlCodec receiver = codec(to.newWrapper(), rejects);
        for (ControlMessage m : messages) {
            byte[] sealed = encode(sender, m);
            assertEquals(ControlCodec.plainLength(m) + wrapper.headroom(), sealed.length);
            Decoded<ControlMessage> d = receiver.decode(ByteBuffer.wrap(sealed));
            assertTrue(d.isOk(), () -> m + ": " + d);
            assertEquals(m, d.value());
        }
        assertEquals(0, rejects.total());
    }

    @Test
    void hardResetControlAndAckRoundTripBetweenOppositeDirections() throws Exception {
        assertRoundTrips(client(), server(), WrapTesting.clientMessages());
        assertRoundTrips(server(), client(), WrapTesting.serverMessages());
    }

    @Test
    void aBidirectionalKeyWorksBothWays() throws Exception {
        TlsAuthProtection a = protection(KeyDirection.BIDIRECTIONAL, "SHA1");
        TlsAuthProtection b = protection(KeyDirection.BIDIRECTIONAL, "SHA1");
        assertRoundTrips(a, b, WrapTesting.clientMessages());
        assertRoundTrips(b, a, WrapTesting.serverMessages());
    }

    @Test
    void theHmacHasTheLengthOfTheAuthDigest() throws Exception {
        assertEquals(20 + 8, client().newWrapper().headroom());
        TlsAuthProtection sha256 = protection(KeyDirection.INVERSE, "SHA256");
        assertEquals(32 + 8, sha256.newWrapper().headroom());
        assertRoundTrips(sha256, protection(KeyDirection.NORMAL, "SHA256"), WrapTesting.clientMessages());
        TlsAuthProtection sha512 = protection(KeyDirection.INVERSE, "SHA512");
        assertEquals(64 + 8, sha512.newWrapper().headroom());
        assertRoundTrips(sha512, protection(KeyDirection.NORMAL, "SHA512"), WrapTesting.clientMessages());
    }

    @Test
    void theReplayPacketIdCountsFromOneWithTheTimeTheCounterStarted() throws Exception {
        ControlCodec codec = codec(client().newWrapper(), rejects);
        for (int expected = 1; expected <= 3; expected++) {
            // The same message each time, as a retransmission is: sealed afresh, so the id moves on.
            ByteBuffer b = ByteBuffer.wrap(encode(codec, WrapTesting.hello()));
            assertEquals(expected, b.getInt(9 + 20));
            assertEquals(WrapTesting.TIME, Integer.toUnsignedLong(b.getInt(9 + 20 + 4)));
        }
    }

    @Test
    void flippingAnySingleByteIsBadAuthentication() throws Exception {
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        int flips = 0;
        for (int i = 0; i < sealed.length; i++) {
            // In the first byte, flip the key id or turn P_CONTROL_V1 into P_ACK_V1: still control packets.
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
    void aCutPacketIsTruncatedWhileTooShortForHmacAndIdElseBadAuthentication() throws Exception {
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        for (int n = 1; n < sealed.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(sealed, n);
            Reject expected = n < 9 + 20 + 8 ? Reject.TRUNCATED : Reject.BAD_AUTHENTICATION;
            assertEquals(expected, receiver.decode(ByteBuffer.wrap(cut)).reject(), n + " bytes");
        }
    }

    @Test
    void aReplayedPacketIsDroppedAndReorderingWithinTheWindowIsNot() throws Exception {
        ControlCodec sender = codec(client().newWrapper(), rejects);
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        byte[] first = encode(sender, WrapTesting.hello());
        byte[] second = encode(sender, WrapTesting.hello());
        byte[] third = encode(sender, WrapTesting.hello());
        assertTrue(receiver.decode(ByteBuffer.wrap(third)).isOk());
        assertTrue(receiver.decode(ByteBuffer.wrap(first)).isOk());
        assertEquals(Reject.REPLAY, receiver.decode(ByteBuffer.wrap(first)).reject());
        assertEquals(Reject.REPLAY, receiver.decode(ByteBuffer.wrap(third)).reject());
        assertTrue(receiver.decode(ByteBuffer.wrap(second)).isOk());
        assertEquals(2, rejects.get(Reject.REPLAY));
    }

    @Test
    void aPacketSignedWithTheReceiversOwnSendingKeyIsDropped() throws Exception {
        // Both peers configured with direction 0: each verifies with the key the other does not sign with.
        byte[] sealed = encode(codec(server().newWrapper(), rejects), WrapTesting.hello());
        ControlCodec receiver = codec(server().newWrapper(), rejects);
        assertEquals(Reject.BAD_AUTHENTICATION, receiver.decode(ByteBuffer.wrap(sealed)).reject());
        assertFalse(server().authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(sealed)));
        // And a peer with another digest fails the same way.
        ControlCodec sha256 = codec(protection(KeyDirection.NORMAL, "SHA256").newWrapper(), rejects);
        byte[] fromClient = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        assertEquals(Reject.BAD_AUTHENTICATION, sha256.decode(ByteBuffer.wrap(fromClient)).reject());
    }

    @Test
    void authenticatesChecksWithoutReplayStateAndLeavesTheBufferAsItWas() throws Exception {
        TlsAuthProtection server = server();
        byte[] sealed = encode(codec(client().newWrapper(), rejects), WrapTesting.hello());
        ByteBuffer framed = ByteBuffer.allocate(sealed.length + 10).position(3).put(sealed).flip().position(3);
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed));
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed), "no replay window: true again");
        assertEquals(3, framed.position());
        assertEquals(3 + sealed.length, framed.limit());
        assertTrue(codec(server.newWrapper(), rejects).decode(framed).isOk(), "a session still accepts it");
        assertTrue(server.authenticates(Opcode.P_CONTROL_V1, framed), "and it still authenticates");

        for (int i = 1; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x40;
            assertFalse(server.authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(bad)), "byte " + i);
        }
        assertFalse(server.authenticates(Opcode.P_CONTROL_V1, ByteBuffer.wrap(sealed, 0, 9 + 20 + 7)));
    }

    @Test
    void aDigestNoInstalledProviderOffersFailsAtConfiguration() {
        TestDigests noSha256 = new TestDigests("SHA256");
        NoSuchAlgorithmException e = assertThrows(NoSuchAlgorithmException.class, () -> ControlProtections.tlsAuth(
                WrapTesting.key(), KeyDirection.NORMAL, "SHA256", noSha256, WrapTesting.replay()));
        assertTrue(e.getMessage().contains("SHA256"), e.getMessage());
        assertThrows(NoSuchAlgorithmException.class, () -> ControlProtections.tlsAuth(
                WrapTesting.key(), KeyDirection.NORMAL, "WHIRLPOOL", null, WrapTesting.replay()));
    }

    @Test
    void tlsAuthIsAnnouncedInTheOptionsString() throws Exception {
        assertTrue(server().announcedInOptionsString());
        assertEquals("tls-auth", server().name());
        assertEquals("SHA1", server().digest().name());
    }

    @Test
    void sealingLeavesTheBodyInPlain() throws Exception {
        ControlPacket hello = WrapTesting.hello();
        byte[] sealed = encode(codec(client().newWrapper(), rejects), hello);
        byte[] payload = new byte[hello.payloadLength()];
        hello.payload().get(payload);
        byte[] tail = java.util.Arrays.copyOfRange(sealed, sealed.length - payload.length, sealed.length);
        assertArrayEquals(payload, tail);
    }
}
