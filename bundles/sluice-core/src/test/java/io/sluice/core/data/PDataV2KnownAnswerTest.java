package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherSpec;
import io.sluice.core.keys.DirectionKeys;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.keys.Vectors;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * P_DATA_V2 packets captured between real OpenVPN 2.6 peers (AES-256-GCM and
 * CHACHA20-POLY1305, keys from tls-ekm), against the keys the same run printed.
 */
class PDataV2KnownAnswerTest {

    private static final String AES = "/io/sluice/core/data/p_data_v2-aes256gcm-ekm.properties";
    private static final String CHACHA = "/io/sluice/core/data/p_data_v2-chacha20poly1305-ekm.properties";

    private static CipherSpec cipher(Vectors v) {
        return new TestCiphers().spec(v.string("cipher")).orElseThrow();
    }

    /** Keys[0] is the client's sending key, keys[1] the server's. */
    private static DirectionKeys sendingKeys(Vectors v, boolean client) {
        byte[] nonce = v.bytes(client ? "client.encrypt_iv.first" : "server.encrypt_iv.first");
        return new DirectionKeys(v.bytes(client ? "key0.cipher" : "key1.cipher"), new byte[0],
                Arrays.copyOfRange(nonce, 4, nonce.length));
    }

    private static DataDecryptor decryptorFor(Vectors v, boolean fromClient) throws Exception {
        return DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), cipher(v), null,
                sendingKeys(v, fromClient), DataFraming.v2(0, v.integer("peer_id")),
                ReplayWindow.withDefaults(new FakeClock()));
    }

    private static byte[] open(DataDecryptor d, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        DecryptStatus status = d.decrypt(ByteBuffer.wrap(packet), out);
        assertEquals(DecryptStatus.OK, status);
        return Arrays.copyOf(out.array(), out.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {AES, CHACHA})
    void everyCapturedPacketDecryptsToAPingOrAnIpPacketOfTheTunnel(String vector) throws Exception {
        Vectors v = Vectors.load(vector);
        List<CapturedPackets.Packet> packets = CapturedPackets.of(v);
        DataDecryptor atServer = decryptorFor(v, true);
        DataDecryptor atClient = decryptorFor(v, false);
        int pings = 0;
        int ipv4 = 0;
        for (CapturedPackets.Packet p : packets) {
            byte[] payload = open(p.fromClient() ? atServer : atClient, p.bytes());
            if (KeepalivePing.isPing(ByteBuffer.wrap(payload))) {
                pings++;
            } else if ((payload[0] & 0xF0) == 0x40) {
                ipv4++;
                // 198.19.77.2 is the client's tunnel address, 198.19.77.1 the server's.
                byte[] src = Arrays.copyOfRange(payload, 12, 16);
                byte[] expected = {(byte) 198, 19, 77, (byte) (p.fromClient() ? 2 : 1)};
                assertArrayEquals(expected, src, "packet " + p.index());
            } else {
                assertEquals(0x60, payload[0] & 0xF0, "packet " + p.index() + " is neither a ping nor IP");
            }
        }
        assertEquals(packets.size(), atServer.count(DecryptStatus.OK) + atClient.count(DecryptStatus.OK));
        assertTrue(pings >= 2, "the capture has keepalive pings");
        assertTrue(ipv4 >= 4, "the capture has echo requests and replies");
    }

    @ParameterizedTest
    @ValueSource(strings = {AES, CHACHA})
    void reEncryptingEachPayloadUnderItsPacketIdReproducesOpenVpnsPacketByteForByte(String vector) throws Exception {
        Vectors v = Vectors.load(vector);
        DataDecryptor atServer = decryptorFor(v, true);
        DataDecryptor atClient = decryptorFor(v, false);
        for (CapturedPackets.Packet p : CapturedPackets.of(v)) {
            DataDecryptor d = p.fromClient() ? atServer : atClient;
            byte[] payload = open(d, p.bytes());
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), cipher(v), null,
                    sendingKeys(v, p.fromClient()), DataFraming.v2(0, v.integer("peer_id")),
                    PacketIdSender.startingAt(d.lastPacketId(), null), iv -> { });
            ByteBuffer out = ByteBuffer.allocate(2048);

            assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));

            assertArrayEquals(p.bytes(), Arrays.copyOf(out.array(), out.position()), "packet " + p.index());
            assertEquals(p.bytes().length, e.packetLength(payload.length));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AES})
    void theV2HeaderIsAuthenticatedSoAChangedPeerIdFailsTheTag(String vector) throws Exception {
        Vectors v = Vectors.load(vector);
        byte[] packet = CapturedPackets.of(v).get(0).bytes().clone();
        packet[3] ^= 1;
        DataDecryptor atServer = decryptorFor(v, true);

        assertEquals(DecryptStatus.BAD_TAG, atServer.decrypt(ByteBuffer.wrap(packet), ByteBuffer.allocate(2048)));
        assertEquals(1, atServer.count(DecryptStatus.BAD_TAG));
    }

    @ParameterizedTest
    @ValueSource(strings = {AES})
    void aChangedCiphertextByteFailsTheTagAndLeavesTheBuffersWhereTheyWere(String vector) throws Exception {
        Vectors v = Vectors.load(vector);
        byte[] packet = CapturedPackets.of(v).get(0).bytes().clone();
        packet[packet.length - 1] ^= (byte) 0x80;
        ByteBuffer in = ByteBuffer.wrap(packet);
        ByteBuffer out = ByteBuffer.allocate(2048);

        assertEquals(DecryptStatus.BAD_TAG, decryptorFor(v, true).decrypt(in, out));
        assertEquals(0, in.position());
        assertEquals(0, out.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {AES})
    void aCapturedPacketReplayedIsDroppedAndCounted(String vector) throws Exception {
        Vectors v = Vectors.load(vector);
        byte[] packet = CapturedPackets.of(v).get(0).bytes();
        DataDecryptor atServer = decryptorFor(v, true);
        open(atServer, packet);

        assertEquals(DecryptStatus.REPLAY, atServer.decrypt(ByteBuffer.wrap(packet), ByteBuffer.allocate(2048)));
        assertEquals(1, atServer.count(DecryptStatus.REPLAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {AES, CHACHA})
    void theAuthenticatedDataIsHeaderAndPacketIdAsOpenVpnPrintedIt(String vector) {
        Vectors v = Vectors.load(vector);
        // "ENCRYPT AD: 48000000 00000001": opcode 9 key 0, peer id 0, packet id 1.
        ByteBuffer header = ByteBuffer.allocate(8);
        DataFraming.v2(0, v.integer("peer_id")).writeHeader(header);
        header.putInt(1);

        assertArrayEquals(v.bytes("client.encrypt_ad.first"), header.array());
    }
}
