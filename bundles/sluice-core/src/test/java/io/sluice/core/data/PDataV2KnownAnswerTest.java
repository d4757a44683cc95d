package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.DirectionKeys;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.keys.Vectors;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P_DATA_V2 / AES-256-GCM packets captured between real OpenVPN 2.6 peers, against the keys
 * the same run printed (p_data_v2-aes256gcm-ekm.properties).
 */
class PDataV2KnownAnswerTest {

    private static final Vectors V = Vectors.load("/io/sluice/core/data/p_data_v2-aes256gcm-ekm.properties");
    private static final int PEER_ID = V.integer("peer_id");

    /** Keys[0] is the client's sending key, keys[1] the server's. */
    private static DirectionKeys sendingKeys(boolean client) {
        byte[] nonce = V.bytes(client ? "client.encrypt_iv.first" : "server.encrypt_iv.first");
        return new DirectionKeys(V.bytes(client ? "key0.cipher" : "key1.cipher"), new byte[0],
                Arrays.copyOfRange(nonce, 4, nonce.length));
    }

    private static DataDecryptor decryptorFor(boolean fromClient) throws Exception {
        return DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_256_GCM, null,
                sendingKeys(fromClient), DataFraming.v2(0, PEER_ID), ReplayWindow.withDefaults(new MutableClock(0)));
    }

    private static byte[] open(DataDecryptor d, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        DecryptStatus status = d.decrypt(ByteBuffer.wrap(packet), out);
        assertEquals(DecryptStatus.OK, status);
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void everyCapturedPacketDecryptsToAPingOrAnIpPacketOfTheTunnel() throws Exception {
        List<CapturedPackets.Packet> packets = CapturedPackets.of(V);
        DataDecryptor atServer = decryptorFor(true);
        DataDecryptor atClient = decryptorFor(false);
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
        assertTrue(ipv4 >= 6, "the capture has the three echo requests and replies");
    }

    @Test
    void reEncryptingEachPayloadUnderItsPacketIdReproducesOpenVpnsPacketByteForByte() throws Exception {
        DataDecryptor atServer = decryptorFor(true);
        DataDecryptor atClient = decryptorFor(false);
        for (CapturedPackets.Packet p : CapturedPackets.of(V)) {
            DataDecryptor d = p.fromClient() ? atServer : atClient;
            byte[] payload = open(d, p.bytes());
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_256_GCM,
                    null, sendingKeys(p.fromClient()), DataFraming.v2(0, PEER_ID),
                    PacketIdSender.startingAt(d.lastPacketId(), null), iv -> { });
            ByteBuffer out = ByteBuffer.allocate(2048);

            assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));

            assertArrayEquals(p.bytes(), Arrays.copyOf(out.array(), out.position()), "packet " + p.index());
            assertEquals(p.bytes().length, e.packetLength(payload.length));
        }
    }

    @Test
    void theV2HeaderIsAuthenticatedSoAChangedPeerIdFailsTheTag() throws Exception {
        byte[] packet = CapturedPackets.of(V).get(0).bytes().clone();
        packet[3] ^= 1;
        DataDecryptor atServer = decryptorFor(true);

        assertEquals(DecryptStatus.BAD_TAG, atServer.decrypt(ByteBuffer.wrap(packet), ByteBuffer.allocate(2048)));
        assertEquals(1, atServer.count(DecryptStatus.BAD_TAG));
    }

    @Test
    void aChangedCiphertextByteFailsTheTagAndLeavesTheBuffersWhereTheyWere() throws Exception {
        byte[] packet = CapturedPackets.of(V).get(0).bytes().clone();
        packet[packet.length - 1] ^= (byte) 0x80;
        ByteBuffer in = ByteBuffer.wrap(packet);
        ByteBuffer out = ByteBuffer.allocate(2048);

        assertEquals(DecryptStatus.BAD_TAG, decryptorFor(true).decrypt(in, out));
        assertEquals(0, in.position());
        assertEquals(0, out.position());
    }

    @Test
    void aCapturedPacketReplayedIsDroppedAndCounted() throws Exception {
        byte[] packet = CapturedPackets.of(V).get(0).bytes();
        DataDecryptor atServer = decryptorFor(true);
        open(atServer, packet);

        assertEquals(DecryptStatus.REPLAY, atServer.decrypt(ByteBuffer.wrap(packet), ByteBuffer.allocate(2048)));
        assertEquals(1, atServer.count(DecryptStatus.REPLAY));
    }

    @Test
    void theAuthenticatedDataIsHeaderAndPacketIdAsOpenVpnPrintedIt() {
        // "ENCRYPT AD: 48000000 00000001": opcode 9 key 0, peer id 0, packet id 1.
        ByteBuffer header = ByteBuffer.allocate(8);
        DataFraming.v2(0, PEER_ID).writeHeader(header);
        header.putInt(1);

        assertArrayEquals(V.bytes("client.encrypt_ad.first"), header.array());
    }
}
