package io.sluice.core.tunnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherSpec;
import io.sluice.core.data.CompressionFraming;
import io.sluice.core.data.DataChannelCrypto;
import io.sluice.core.data.DataDecryptor;
import io.sluice.core.data.DataEncryptor;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.data.PacketIdSender;
import io.sluice.core.data.ReplayWindow;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.time.Clock;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sealing and opening around a peer's keys: which key seals, compression framing, usage limits. */
class DataKeysTest {

    private static final CryptoProviders CRYPTO = TestCrypto.providers();
    private static final CipherSpec GCM = CRYPTO.cipherSpec("AES-256-GCM").orElseThrow();

    /** One end of key {@code keyId}: encryptor and decryptor for the client or the server. */
    private static DataEncryptor encryptor(Key2 key, int keyId, boolean server) throws Exception {
        DataChannelKeys k = DataChannelKeys.select(key, KeyDirection.forTls(server), GCM, null);
        return DataChannelCrypto.encryptor(CRYPTO.cipher("AES-256-GCM").orElseThrow(), null, GCM, null, k.encrypt(),
                DataFraming.v2(keyId, 0), PacketIdSender.shortForm(), iv -> { });
    }

    private static DataDecryptor decryptor(Key2 key, int keyId, boolean server) throws Exception {
        DataChannelKeys k = DataChannelKeys.select(key, KeyDirection.forTls(server), GCM, null);
        return DataChannelCrypto.decryptor(CRYPTO.cipher("AES-256-GCM").orElseThrow(), null, GCM, null, k.decrypt(),
                DataFraming.v1(keyId), ReplayWindow.withDefaults(Clock.system()));
    }

    private static Key2 key(long seed) {
        byte[] b = new byte[Key2.LENGTH];
        new Random(seed).nextBytes(b);
        return Key2.of(b);
    }

    private static int sealedKeyId(DataKeys keys) {
        ByteBuffer out = ByteBuffer.allocate(256);
        assertEquals(EncryptStatus.OK, keys.encrypt(ByteBuffer.wrap(new byte[] {1, 2, 3}), out));
        return DataFraming.keyId(out.get(0));
    }

    @Test
    void aRenegotiatedKeySealsOnlyAfterTheServersFirstPacketUnderIt() throws Exception {
        Key2 k0 = key(1);
        Key2 k1 = key(2);
        DataKeys client = new DataKeys();
        client.installWhenPeerSends(0, encryptor(k0, 0, false), decryptor(k0, 0, false), 0);
        assertEquals(0, sealedKeyId(client), "the first key seals at once");

        client.installWhenPeerSends(1, encryptor(k1, 1, false), decryptor(k1, 1, false), 0);
        assertEquals(0, sealedKeyId(client), "the server may not have key 1 yet");

        DataEncryptor server = encryptor(k1, 1, true);
        ByteBuffer packet = ByteBuffer.allocate(256);
        server.encrypt(ByteBuffer.wrap(new byte[] {9}), packet);
        packet.flip();
        assertEquals(DataKeys.Opened.OK, client.decrypt(1, packet, ByteBuffer.allocate(256)));
        assertEquals(1, sealedKeyId(client), "the server sent under key 1: it has it");
    }

    @Test
    void aSilentServerGetsTheNewKeyAfterTheWait() throws Exception {
        Key2 k0 = key(1);
        Key2 k1 = key(2);
        DataKeys client = new DataKeys();
        client.install(0, encryptor(k0, 0, false), decryptor(k0, 0, false));
        client.installWhenPeerSends(1, encryptor(k1, 1, false), decryptor(k1, 1, false), 100);
        client.sendPending(150, 100);
        assertEquals(0, sealedKeyId(client));
        client.sendPending(200, 100);
        assertEquals(1, sealedKeyId(client));
    }

    /** A server's and a client's DataKeys on the same key 0, as after a handshake. */
    private static DataKeys[] pair() throws Exception {
        Key2 k = key(7);
        DataKeys server = new DataKeys();
        server.install(0, encryptor(k, 0, true), decryptor(k, 0, true));
        DataKeys client = new DataKeys();
        client.install(0, encryptor(k, 0, false), decryptor(k, 0, false));
        return new DataKeys[] {server, client};
    }

    private static byte[] carry(DataKeys from, DataKeys to, byte[] payload) {
        ByteBuffer wire = ByteBuffer.allocate(2048);
        assertEquals(EncryptStatus.OK, from.encrypt(ByteBuffer.wrap(payload), wire));
        wire.flip();
        ByteBuffer out = ByteBuffer.allocate(2048);
        out.position(5); // the plaintext starts at the buffer's position, or after a framing header
        assertEquals(DataKeys.Opened.OK, to.decrypt(DataFraming.keyId(wire.get(0)), wire, out));
        assertTrue(out.position() >= 5);
        byte[] got = new byte[out.remaining()];
        out.get(got);
        return got;
    }

    @Test
    void everyCompressionFramingCarriesPayloadsUnchangedBothWays() throws Exception {
        byte[] ipPacket = {0x45, 0, 0, 20, 1, 2, 3, 4};
        byte[] indicatorFirst = {0x50, 9, 8};
        for (CompressionFraming framing : CompressionFraming.values()) {
            DataKeys[] p = pair();
            p[0].compression(framing);
            p[1].compression(framing);
            for (byte[] payload : new byte[][] {ipPacket, indicatorFirst, {0x45}}) {
                assertArrayEquals(payload, carry(p[0], p[1], payload), framing + " server to client");
                assertArrayEquals(payload, carry(p[1], p[0], payload), framing + " client to server");
            }
        }
    }

    @Test
    void aPayloadSealedForSeveralPeersIsLeftAsItWas() throws Exception {
        DataKeys[] p = pair();
        p[0].compression(CompressionFraming.V1_SWAP);
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {0x45, 1, 2});
        p[0].encrypt(payload, ByteBuffer.allocate(256));
        assertEquals(0, payload.position());
        assertArrayEquals(new byte[] {0x45, 1, 2}, payload.array());
    }

    @Test
    void aCompressedPacketFromThePeerIsDroppedAsBadFraming() throws Exception {
        DataKeys[] p = pair();
        p[1].compression(CompressionFraming.V1);
        // The server sends framing-less packets whose first byte reads as "LZO compressed".
        ByteBuffer wire = ByteBuffer.allocate(256);
        p[0].encrypt(ByteBuffer.wrap(new byte[] {0x66, 1, 2, 3}), wire);
        wire.flip();
        assertEquals(DataKeys.Opened.BAD_FRAMING, p[1].decrypt(0, wire, ByteBuffer.allocate(256)));
    }

    @Test
    void aKeyPastItsPacketLimitAsksForRenegotiationCountingBothDirections() throws Exception {
        DataKeys[] p = pair();
        p[1].limits(new UsageLimits(0, 10, 0));
        for (int i = 0; i < 4; i++) {
            carry(p[1], p[0], new byte[] {0x45, 1});
            carry(p[0], p[1], new byte[] {0x45, 2});
        }
        assertEquals(8, p[1].usage().packets());
        assertFalse(p[1].renegotiationWanted());
        carry(p[1], p[0], new byte[] {0x45, 1});
        carry(p[0], p[1], new byte[] {0x45, 2});
        assertTrue(p[1].renegotiationWanted(), "10 packets: reneg-pkts 10 reached");
    }

    @Test
    void aKeyPastItsByteLimitAsksForRenegotiationAndANewKeyStartsAtZero() throws Exception {
        DataKeys[] p = pair();
        p[0].limits(new UsageLimits(5000, 0, 0));
        for (int i = 0; i < 4; i++) {
            carry(p[0], p[1], new byte[1000]);
        }
        assertFalse(p[0].renegotiationWanted());
        carry(p[0], p[1], new byte[1000]);
        assertTrue(p[0].renegotiationWanted(), "5 packets of 1000 bytes and their overhead pass 5000 bytes");
        Key2 k1 = key(8);
        p[0].install(1, encryptor(k1, 1, true), decryptor(k1, 1, true));
        assertEquals(0, p[0].usage().bytes());
        assertFalse(p[0].renegotiationWanted());
    }

    @Test
    void anAesGcmKeyPastItsAeadLimitAsksForRenegotiation() throws Exception {
        DataKeys[] p = pair();
        p[0].limits(new UsageLimits(0, 0, 3 + 3 * 63)); // three 1000-byte packets: 63 blocks each
        for (int i = 0; i < 3; i++) {
            carry(p[0], p[1], new byte[1000]);
        }
        assertFalse(p[0].renegotiationWanted());
        carry(p[0], p[1], new byte[1]);
        assertTrue(p[0].renegotiationWanted());
    }
}
