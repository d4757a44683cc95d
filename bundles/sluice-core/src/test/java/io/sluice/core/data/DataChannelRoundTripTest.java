package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataChannelRoundTripTest {

    private static final DigestSpec SHA256 = TestDigests.specOf("SHA256");

    private final FakeClock clock = new FakeClock();
    private final DataChannelKeys clientKeys;
    private final DataChannelKeys serverKeys;

    DataChannelRoundTripTest() throws Exception {
        byte[] block = new byte[Key2.LENGTH];
        new Random(7).nextBytes(block);
        clientKeys = DataChannelKeys.select(Key2.of(block), KeyDirection.forTls(false), TestCiphers.AES_128_GCM, null);
        serverKeys = DataChannelKeys.select(Key2.of(block), KeyDirection.forTls(true), TestCiphers.AES_128_GCM, null);
    }

    private DataEncryptor clientEncryptor(DataFraming framing) throws GeneralSecurityException {
        return DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_128_GCM, null,
                clientKeys.encrypt(), framing, PacketIdSender.shortForm(), iv -> { });
    }

    private DataDecryptor serverDecryptor(DataFraming framing) throws GeneralSecurityException {
        return DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_128_GCM, null,
                serverKeys.decrypt(), framing, ReplayWindow.withDefaults(clock));
    }

    private static ByteBuffer seal(DataEncryptor e, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(e.packetLength(payload.length));
        assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));
        return out.flip();
    }

    private static byte[] payload(int length) {
        byte[] p = new byte[length];
        new Random(length).nextBytes(p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 100, 1500})
    void aeadPayloadsSurviveTheRoundTripIntoAReusedBuffer(int length) throws Exception {
        DataEncryptor e = clientEncryptor(DataFraming.v2(3, 0xABCDEF));
        DataDecryptor d = serverDecryptor(DataFraming.v2(3, 0xABCDEF));
        ByteBuffer out = ByteBuffer.allocate(2048);
        for (int i = 0; i < 3; i++) {
            byte[] p = payload(length + i);
            ByteBuffer packet = seal(e, p);
            assertEquals(e.packetLength(p.length), packet.remaining());
            assertEquals(0x4b, packet.get(0) & 0xFF);
            out.clear();

            assertEquals(DecryptStatus.OK, d.decrypt(packet, out));

            assertArrayEquals(p, Arrays.copyOf(out.array(), out.position()));
            assertEquals(packet.limit(), packet.position());
        }
        assertEquals(3, d.lastPacketId());
    }

    @Test
    void aDecryptorAcceptsV1PacketsOfItsKeyIdLikeOpenVpnDoes() throws Exception {
        ByteBuffer packet = seal(clientEncryptor(DataFraming.v1(2)), payload(40));

        assertEquals(DecryptStatus.OK, serverDecryptor(DataFraming.v2(2, 9)).decrypt(packet, ByteBuffer.allocate(64)));
    }

    @Test
    void packetsReorderedWithinTheWindowAreAcceptedAndAReplayIsNot() throws Exception {
        DataEncryptor e = clientEncryptor(DataFraming.v2(0, 1));
        DataDecryptor d = serverDecryptor(DataFraming.v2(0, 1));
        ByteBuffer first = seal(e, payload(20));
        ByteBuffer second = seal(e, payload(20));
        ByteBuffer out = ByteBuffer.allocate(64);

        assertEquals(DecryptStatus.OK, d.decrypt(second, out.clear()));
        assertEquals(DecryptStatus.OK, d.decrypt(first, out.clear()));
        assertEquals(DecryptStatus.REPLAY, d.decrypt(first.rewind(), out.clear()));
        assertEquals(2, d.count(DecryptStatus.OK));
        assertEquals(1, d.count(DecryptStatus.REPLAY));
    }

    @Test
    void malformedPacketsAreDroppedWithTheirReasonCounted() throws Exception {
        DataDecryptor d = serverDecryptor(DataFraming.v2(0, 1));
        ByteBuffer out = ByteBuffer.allocate(64);
        byte[] good = Arrays.copyOf(seal(clientEncryptor(DataFraming.v2(0, 1)), payload(10)).array(), 4 + 4 + 16 + 10);

        assertEquals(DecryptStatus.TOO_SHORT, d.decrypt(ByteBuffer.allocate(0), out));
        assertEquals(DecryptStatus.TOO_SHORT, d.decrypt(ByteBuffer.wrap(good, 0, 4 + 4 + 15), out));
        assertEquals(DecryptStatus.EMPTY_PAYLOAD, d.decrypt(ByteBuffer.wrap(good, 0, 4 + 4 + 16), out));
        byte[] control = good.clone();
        control[0] = (byte) (4 << 3); // P_CONTROL_V1
        assertEquals(DecryptStatus.NOT_DATA_PACKET, d.decrypt(ByteBuffer.wrap(control), out));
        byte[] otherKey = good.clone();
        otherKey[0] = (byte) (9 << 3 | 1);
        assertEquals(DecryptStatus.WRONG_KEY_ID, d.decrypt(ByteBuffer.wrap(otherKey), out));
        byte[] zeroId = good.clone();
        Arrays.fill(zeroId, 4, 8, (byte) 0);
        assertEquals(DecryptStatus.ZERO_PACKET_ID, d.decrypt(ByteBuffer.wrap(zeroId), out));
        assertEquals(DecryptStatus.OUTPUT_TOO_SMALL, d.decrypt(ByteBuffer.wrap(good), ByteBuffer.allocate(9)));

        assertEquals(2, d.count(DecryptStatus.TOO_SHORT));
        assertEquals(1, d.count(DecryptStatus.EMPTY_PAYLOAD));
        assertEquals(1, d.count(DecryptStatus.NOT_DATA_PACKET));
        assertEquals(1, d.count(DecryptStatus.WRONG_KEY_ID));
        assertEquals(1, d.count(DecryptStatus.ZERO_PACKET_ID));
        assertEquals(1, d.count(DecryptStatus.OUTPUT_TOO_SMALL));
        assertEquals(0, d.count(DecryptStatus.OK));
        assertEquals(0, out.position());
        // The packet that was only refused for room still opens.
        assertEquals(DecryptStatus.OK, d.decrypt(ByteBuffer.wrap(good), out));
    }

    @Test
    void theEncryptorRefusesEmptyPayloadsAndShortBuffersWithoutSpendingAPacketId() throws Exception {
        DataEncryptor e = clientEncryptor(DataFraming.v2(0, 1));
        ByteBuffer payload = ByteBuffer.wrap(payload(100));
        ByteBuffer small = ByteBuffer.allocate(e.packetLength(100) - 1);

        assertEquals(EncryptStatus.EMPTY_PAYLOAD, e.encrypt(ByteBuffer.allocate(0), ByteBuffer.allocate(64)));
        assertEquals(EncryptStatus.OUTPUT_TOO_SMALL, e.encrypt(payload, small));
        assertEquals(0, payload.position());
        assertEquals(0, small.position());
        assertEquals(0, e.packetIds().lastId());
    }

    @Test
    void anEncryptorWhoseIdsRanOutSendsNothing() throws Exception {
        DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_128_GCM,
                null, clientKeys.encrypt(), DataFraming.v2(0, 1), PacketIdSender.startingAt(PacketIdSender.MAX_ID, null),
                iv -> { });
        seal(e, payload(5));

        assertEquals(EncryptStatus.PACKET_IDS_EXHAUSTED, e.encrypt(ByteBuffer.wrap(payload(5)), ByteBuffer.allocate(64)));
    }

    @Test
    void cbcWithHmacAndCbcWithAuthNoneRoundTrip() throws Exception {
        byte[] block = new byte[Key2.LENGTH];
        new Random(11).nextBytes(block);
        for (DigestSpec auth : new DigestSpec[] {SHA256, null}) {
            DataChannelKeys c = DataChannelKeys.select(Key2.of(block), KeyDirection.NORMAL, TestCiphers.AES_128_CBC, auth);
            DataChannelKeys s = DataChannelKeys.select(Key2.of(block), KeyDirection.INVERSE, TestCiphers.AES_128_CBC, auth);
            Random ivs = new Random(3);
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_128_CBC,
                    auth, c.encrypt(), DataFraming.v2(1, 77), PacketIdSender.shortForm(), ivs::nextBytes);
            DataDecryptor d = DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_128_CBC,
                    auth, s.decrypt(), DataFraming.v2(1, 77), ReplayWindow.withDefaults(clock));
            for (int length : new int[] {1, 12, 28, 3000}) {
                byte[] p = payload(length);
                ByteBuffer packet = seal(e, p);
                assertEquals(e.packetLength(length), packet.remaining());
                ByteBuffer out = ByteBuffer.allocate(4096);

                assertEquals(DecryptStatus.OK, d.decrypt(packet, out));
                assertArrayEquals(p, Arrays.copyOf(out.array(), out.position()));
            }
        }
    }

    @Test
    void cipherModesOpenVpnDataChannelsNoLongerUseAreRefused() {
        CipherSpec cfb = new CipherSpec("AES-128-CFB", CipherMode.CFB, 16, 16, 1, 0);

        assertThrows(GeneralSecurityException.class, () -> DataChannelCrypto.decryptor(new TestCiphers(),
                new TestDigests(), cfb, SHA256, serverKeys.decrypt(), DataFraming.v1(0), ReplayWindow.withDefaults(clock)));
    }
}
