package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Hex;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.PrfKeyExpansion;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.keys.Vectors;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * End to end from the key-method-2 randoms to the packets: P_DATA_V1 packets that real
 * OpenVPN 2.6 peers exchanged with PRF-derived keys, opened with keys Sluice derives from the
 * randoms recorded in the same run.
 */
class PDataV1KnownAnswerTest {

    private static DataChannelKeys keys(String keysVector, boolean server, CipherSpec cipher, DigestSpec auth)
            throws Exception {
        Key2 key2 = new PrfKeyExpansion(new TestDigests()).expand(Vectors.load(keysVector).prfKeySource());
        return DataChannelKeys.select(key2, KeyDirection.forTls(server), cipher, auth);
    }

    private static DataDecryptor decryptor(DataChannelKeys keys, CipherSpec cipher, DigestSpec auth) throws Exception {
        return DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), cipher, auth, keys.decrypt(),
                DataFraming.v1(0), ReplayWindow.withDefaults(new FakeClock()));
    }

    private static byte[] open(DataDecryptor d, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(DecryptStatus.OK, d.decrypt(ByteBuffer.wrap(packet), out));
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void aesGcmPacketsDecryptAndReEncryptByteForByteWithTheirV1HeaderOutsideTheAuthenticatedData()
            throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/data/p_data_v1-aes256gcm.properties");
        String keysVector = "/io/sluice/core/keys/prf-aes256gcm.properties";
        DataChannelKeys server = keys(keysVector, true, TestCiphers.AES_256_GCM, null);
        DataChannelKeys client = keys(keysVector, false, TestCiphers.AES_256_GCM, null);
        DataDecryptor atServer = decryptor(server, TestCiphers.AES_256_GCM, null);
        DataDecryptor atClient = decryptor(client, TestCiphers.AES_256_GCM, null);

        for (CapturedPackets.Packet p : CapturedPackets.of(v)) {
            DataDecryptor d = p.fromClient() ? atServer : atClient;
            byte[] payload = open(d, p.bytes());
            DataChannelKeys sender = p.fromClient() ? client : server;
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(),
                    TestCiphers.AES_256_GCM, null, sender.encrypt(), DataFraming.v1(0),
                    PacketIdSender.startingAt(d.lastPacketId(), null), iv -> { });
            ByteBuffer out = ByteBuffer.allocate(2048);

            assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));
            assertArrayEquals(p.bytes(), Arrays.copyOf(out.array(), out.position()), "packet " + p.index());
        }
        assertTrue(atServer.count(DecryptStatus.OK) > 0 && atClient.count(DecryptStatus.OK) > 0);
    }

    @Test
    void aesCbcSha512PacketsVerifyDecryptAndReEncryptByteForByteWithTheirCapturedIvs() throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/data/p_data_v1-aes256cbc-sha512.properties");
        String keysVector = "/io/sluice/core/keys/prf-aes256cbc-sha512.properties";
        DigestSpec sha512 = TestDigests.specOf("SHA512");
        DataChannelKeys server = keys(keysVector, true, TestCiphers.AES_256_CBC, sha512);
        DataChannelKeys client = keys(keysVector, false, TestCiphers.AES_256_CBC, sha512);
        DataDecryptor atServer = decryptor(server, TestCiphers.AES_256_CBC, sha512);
        DataDecryptor atClient = decryptor(client, TestCiphers.AES_256_CBC, sha512);

        boolean first = true;
        for (CapturedPackets.Packet p : CapturedPackets.of(v)) {
            DataDecryptor d = p.fromClient() ? atServer : atClient;
            byte[] payload = open(d, p.bytes());
            if (first) {
                // "ENCRYPT FROM" printed the packet id and the start of the payload.
                String printed = v.string("client.encrypt_from.first");
                String ours = String.format("%08x", d.lastPacketId()) + Hex.encode(payload);
                assertTrue(ours.startsWith(printed), ours + " does not start with " + printed);
                first = false;
            }
            // Layout: opcode, 64-byte HMAC, 16-byte IV, ciphertext.
            byte[] capturedIv = Arrays.copyOfRange(p.bytes(), 1 + 64, 1 + 64 + 16);
            DataChannelKeys sender = p.fromClient() ? client : server;
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(),
                    TestCiphers.AES_256_CBC, sha512, sender.encrypt(), DataFraming.v1(0),
                    PacketIdSender.startingAt(d.lastPacketId(), null),
                    iv -> System.arraycopy(capturedIv, 0, iv, 0, iv.length));
            ByteBuffer out = ByteBuffer.allocate(2048);

            assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));
            assertArrayEquals(p.bytes(), Arrays.copyOf(out.array(), out.position()), "packet " + p.index());
            assertEquals(p.bytes().length, e.packetLength(payload.length));
        }
    }

    @Test
    void aCbcPacketWithAChangedByteFailsTheHmacBeforeAnythingIsDecrypted() throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/data/p_data_v1-aes256cbc-sha512.properties");
        DigestSpec sha512 = TestDigests.specOf("SHA512");
        DataChannelKeys server = keys("/io/sluice/core/keys/prf-aes256cbc-sha512.properties", true,
                TestCiphers.AES_256_CBC, sha512);
        DataDecryptor atServer = decryptor(server, TestCiphers.AES_256_CBC, sha512);
        byte[] packet = CapturedPackets.of(v).get(0).bytes().clone();
        packet[1 + 64 + 3] ^= 4; // inside the IV

        assertEquals(DecryptStatus.BAD_HMAC, atServer.decrypt(ByteBuffer.wrap(packet), ByteBuffer.allocate(2048)));
        assertEquals(1, atServer.count(DecryptStatus.BAD_HMAC));
    }
}
