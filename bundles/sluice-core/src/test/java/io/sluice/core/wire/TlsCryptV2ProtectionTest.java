package io.sluice.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * tls-crypt-v2 on both sides against the real OpenVPN 2.6.14 capture
 * ({@code openvpn-2.6.14-udp-tls-crypt-v2.txt}): our server admits OpenVPN's V3 reset and opens
 * its P_CONTROL_WKC_V1, our client opens OpenVPN's server reset and reads its request for the
 * wrapped key; hostile first packets are refused with a reason before any session exists, never
 * with an exception.
 */
class TlsCryptV2ProtectionTest {

    /** The capture's wall-clock second: the time field of the client's first replay id. */
    private static final long CAPTURED = 0x6b024f7fL;

    private static final TlsCryptV2ServerKey SERVER_KEY = TlsCryptV2ServerKey.parse(
            Fixtures.resource("tls-crypt-v2-server.key"));
    private static final TlsCryptV2ClientKey CLIENT_KEY = TlsCryptV2ClientKey.parse(
            Fixtures.resource("tls-crypt-v2-client.key"));

    private final RejectCounters rejects = new RejectCounters();

    private static TlsCryptV2ServerProtection server(int maxAgeDays, long now) throws GeneralSecurityException {
        return ControlProtections.tlsCryptV2Server(SERVER_KEY, maxAgeDays, false, ControlLimits.DEFAULT,
                WrapTesting.replay(now));
    }

    private static TlsCryptV2ClientProtection client(TlsCryptV2ClientKey key) throws GeneralSecurityException {
        return ControlProtections.tlsCryptV2Client(key, ControlLimits.DEFAULT, WrapTesting.replay());
    }

    private static ByteBuffer packet(int index) {
        return Fixtures.packet(Fixtures.TLS_CRYPT_V2, index).buffer();
    }

    @Test
    void ourServerAdmitsOpenVpnsV3ResetAndOpensItsWrappedKeyPacket() throws GeneralSecurityException {
        ByteBuffer reset = packet(1);
        Decoded<SessionProtection> admitted = server(0, CAPTURED).admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, reset);
        assertTrue(admitted.isOk(), () -> String.valueOf(admitted.reject()));
        assertEquals(0, reset.position(), "nothing moved");
        assertEquals(ClientKeyMetadata.TYPE_TIMESTAMP, admitted.value().metadata().orElseThrow().type());

        ControlCodec codec = WrapTesting.codec(admitted.value().wrapper(), rejects);
        ControlPacket first = assertInstanceOf(ControlPacket.class, codec.decode(reset).value());
        assertEquals(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, first.opcode());
        assertEquals(0, first.messageId());
        assertEquals(0, first.payloadLength());

        Fixtures.Packet wkc = Fixtures.load(Fixtures.TLS_CRYPT_V2, p -> p.opcode() == Opcode.P_CONTROL_WKC_V1).get(0);
        ControlPacket hello = assertInstanceOf(ControlPacket.class, codec.decode(wkc.buffer()).value());
        assertEquals(1, hello.messageId());
        assertTrue(hello.payloadLength() > 0, "the TLS ClientHello");
        assertEquals(0, rejects.total());
    }

    @Test
    void openVpnsClientAnnouncesEarlyNegotiationAndSoDoesOurs() throws GeneralSecurityException {
        assertTrue(EarlyNegotiation.announcedBy(packet(1).getInt(WireConstants.CONTROL_HEADER_LENGTH)));

        ControlCodec ours = WrapTesting.codec(client(CLIENT_KEY).newWrapper(), rejects);
        ControlPacket reset = new ControlPacket(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, 0, WrapTesting.CLIENT,
                AckRecord.EMPTY, 0, new byte[0]);
        byte[] sealed = WrapTesting.encode(ours, reset);
        ByteBuffer wire = ByteBuffer.wrap(sealed);
        assertEquals(EarlyNegotiation.EARLY_NEG_START + 1, wire.getInt(WireConstants.CONTROL_HEADER_LENGTH));
        byte[] wkc = CLIENT_KEY.wkc();
        assertArrayEquals(wkc, Arrays.copyOfRange(sealed, sealed.length - wkc.length, sealed.length),
                "the wrapped key follows the packet as it is");

        Decoded<SessionProtection> admitted = server(0, WrapTesting.TIME).admit(reset.opcode(), wire);
        assertTrue(admitted.isOk(), () -> String.valueOf(admitted.reject()));
        ControlMessage back = WrapTesting.codec(admitted.value().wrapper(), rejects).decode(wire).value();
        assertEquals(reset, back);
    }

    @Test
    void ourClientOpensOpenVpnsServerResetAndSeesTheRequestForTheWrappedKey() throws GeneralSecurityException {
        ControlCodec codec = WrapTesting.codec(client(CLIENT_KEY).newWrapper(), rejects);
        ControlPacket reset = assertInstanceOf(ControlPacket.class, codec.decode(packet(2)).value());
        assertEquals(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, reset.opcode());
        assertTrue(EarlyNegotiation.parse(reset.payload()).value().resendWrappedClientKey());
    }

    @Test
    void ourClientAppendsTheWrappedKeyOnlyToV3ResetsAndWkcPackets() throws GeneralSecurityException {
        ControlWrapper wrapper = client(CLIENT_KEY).newWrapper();
        int wkc = CLIENT_KEY.wkc().length;
        assertEquals(wkc, wrapper.tailroom(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3));
        assertEquals(wkc, wrapper.tailroom(Opcode.P_CONTROL_WKC_V1));
        assertEquals(0, wrapper.tailroom(Opcode.P_CONTROL_V1));
        assertEquals(0, wrapper.tailroom(Opcode.P_ACK_V1));
        assertEquals(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, client(CLIENT_KEY).clientReset());
    }

    @Test
    void aKeyForAnotherServerKeyIsRefusedBeforeAnySession() throws GeneralSecurityException {
        TlsCryptV2ClientKey other = TlsCryptV2ClientKey.parse(Fixtures.resource("tls-crypt-v2-other-client.key"));
        ControlCodec codec = WrapTesting.codec(client(other).newWrapper(), rejects);
        byte[] sealed = WrapTesting.encode(codec, new ControlPacket(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, 0,
                WrapTesting.CLIENT, AckRecord.EMPTY, 0, new byte[0]));
        assertEquals(Reject.CLIENT_KEY_UNAUTHENTIC, server(0, WrapTesting.TIME)
                .admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, ByteBuffer.wrap(sealed)).reject());
    }

    @Test
    void aResetNotUnderTheUnwrappedKeyIsRefused() throws GeneralSecurityException {
        byte[] reset = Fixtures.packet(Fixtures.TLS_CRYPT_V2, 1).bytes();
        reset[WireConstants.CONTROL_HEADER_LENGTH + 10] ^= 1; // inside the tls-crypt tag, before the WKc
        assertEquals(Reject.BAD_AUTHENTICATION, server(0, CAPTURED)
                .admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, ByteBuffer.wrap(reset)).reject());
    }

    @Test
    void plainAndV2ResetsFindNoWayIntoATlsCryptV2Server() throws GeneralSecurityException {
        ByteBuffer plain = ByteBuffer.wrap(WrapTesting.encode(ControlCodec.plain(rejects),
                WrapTesting.clientMessages()[0]));
        assertEquals(Reject.UNPROTECTED, server(0, CAPTURED).admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, plain).reject());
        assertThrows(IllegalStateException.class, () -> server(0, CAPTURED).newWrapper());
    }

    @Test
    void aV3ResetFindsNoWayIntoAServerWithoutTlsCryptV2() throws GeneralSecurityException {
        ControlProtection tlsCrypt = ControlProtections.tlsCrypt(WrapTesting.key(), true, ControlLimits.DEFAULT,
                WrapTesting.replay());
        for (ControlProtection p : new ControlProtection[] {ControlProtection.none(), tlsCrypt}) {
            assertEquals(Reject.UNPROTECTED, p.admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, packet(1)).reject(),
                    p.name());
        }
    }

    @Test
    void maxAgeRefusesAKeyOlderThanItsDaysAndTakesAYoungerOne() throws GeneralSecurityException {
        long created = new ClientKeyWrapping(SERVER_KEY).unwrap(ByteBuffer.wrap(CLIENT_KEY.wkc()), 0,
                CLIENT_KEY.wkc().length).value().metadata().timestamp().orElseThrow().getEpochSecond();
        long day = 24 * 60 * 60;
        assertTrue(server(30, created + 30 * day).admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, packet(1)).isOk());
        assertEquals(Reject.CLIENT_KEY_TOO_OLD, server(30, created + 30 * day + 1)
                .admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, packet(1)).reject());
        assertTrue(server(0, created + 3650 * day).admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, packet(1)).isOk(),
                "no max-age, no limit");
    }

    @Test
    void maxAgeRefusesAKeyWithoutATimestamp() {
        ClientKeyMetadata user = ClientKeyMetadata.user(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        java.time.Instant now = java.time.Instant.ofEpochSecond(CAPTURED);
        assertTrue(TlsCryptV2ServerProtection.tooOld(user, now, 1000));
        assertTrue(TlsCryptV2ServerProtection.tooOld(new ClientKeyMetadata(new byte[0]), now, 1000));
        assertTrue(TlsCryptV2ServerProtection.tooOld(new ClientKeyMetadata(new byte[] {1, 0, 0}), now, 1000));
        assertFalse(TlsCryptV2ServerProtection.tooOld(ClientKeyMetadata.timestamp(now), now, 1));
    }

    @Test
    void everyTruncationAndFlippedBitOfOpenVpnsResetIsRefusedWithoutAnException() throws GeneralSecurityException {
        TlsCryptV2ServerProtection server = server(0, CAPTURED);
        byte[] reset = Fixtures.packet(Fixtures.TLS_CRYPT_V2, 1).bytes();
        for (int n = 0; n < reset.length; n++) {
            assertFalse(server.admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3,
                    ByteBuffer.wrap(Arrays.copyOf(reset, n))).isOk(), "first " + n + " bytes");
        }
        for (int i = 1; i < reset.length; i++) { // byte 0 is the opcode, which the server read already
            byte[] bad = reset.clone();
            bad[i] ^= 0x40;
            assertFalse(server.admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, ByteBuffer.wrap(bad)).isOk(), "byte " + i);
        }
    }

    @Test
    void randomV3ResetsAreRefusedWithoutAnException() throws GeneralSecurityException {
        TlsCryptV2ServerProtection server = server(0, CAPTURED);
        Random random = new Random(3);
        byte[] wkc = CLIENT_KEY.wkc();
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[random.nextInt(1600)];
            random.nextBytes(garbage);
            if (random.nextBoolean() && garbage.length > wkc.length + 1) {
                // A genuine wrapped key after a forged packet: unwraps, then fails the packet's own tag.
                System.arraycopy(wkc, 0, garbage, garbage.length - wkc.length, wkc.length);
            }
            Decoded<SessionProtection> d = server.admit(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, ByteBuffer.wrap(garbage));
            assertFalse(d.isOk());
        }
    }
}
