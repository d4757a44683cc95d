package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.keys.Vectors;
import io.sluice.core.time.FakeClock;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Static-key mode (no header, long packet ids) packets of real OpenVPN 2.6 peers using the
 * recorded key file, with key direction 0/1 and with none.
 */
class StaticKeyPacketsKnownAnswerTest {

    private static final DigestSpec SHA256 = TestDigests.specOf("SHA256");

    private static KeyDirection direction(String name) {
        return KeyDirection.forStaticKey(name.equals("none") ? null : name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "none"})
    void packetsOfBothPeersDecryptAndReEncryptByteForByte(String tag) throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/data/static-aes256cbc-sha256-dir" + tag + ".properties");
        Key2 key2 = StaticKeyFile.parse(Vectors.text("/io/sluice/core/keys/static.key"));
        DataChannelKeys a = DataChannelKeys.select(key2, direction(v.string("direction.a")), TestCiphers.AES_256_CBC, SHA256);
        DataChannelKeys b = DataChannelKeys.select(key2, direction(v.string("direction.b")), TestCiphers.AES_256_CBC, SHA256);
        DataDecryptor atA = DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_256_CBC,
                SHA256, a.decrypt(), DataFraming.staticKey(), ReplayWindow.withDefaults(new FakeClock()));
        DataDecryptor atB = DataChannelCrypto.decryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_256_CBC,
                SHA256, b.decrypt(), DataFraming.staticKey(), ReplayWindow.withDefaults(new FakeClock()));

        for (CapturedPackets.Packet p : CapturedPackets.of(v)) {
            // "c2s" packets were sent by peer B, the others by peer A.
            DataDecryptor d = p.fromClient() ? atA : atB;
            ByteBuffer plain = ByteBuffer.allocate(2048);
            assertEquals(DecryptStatus.OK, d.decrypt(ByteBuffer.wrap(p.bytes()), plain), "packet " + p.index());
            byte[] payload = Arrays.copyOf(plain.array(), plain.position());

            // Layout: 32-byte HMAC, 16-byte IV, CBC(id, timestamp, payload).
            byte[] iv = Arrays.copyOfRange(p.bytes(), 32, 48);
            DataChannelKeys sender = p.fromClient() ? b : a;
            long sentAt = timestampOf(p.bytes(), sender.encrypt().cipherKey(), iv);
            DataEncryptor e = DataChannelCrypto.encryptor(new TestCiphers(), new TestDigests(), TestCiphers.AES_256_CBC,
                    SHA256, sender.encrypt(), DataFraming.staticKey(),
                    PacketIdSender.startingAt(d.lastPacketId(), new MutableClock(sentAt)),
                    next -> System.arraycopy(iv, 0, next, 0, next.length));
            ByteBuffer out = ByteBuffer.allocate(2048);

            assertEquals(EncryptStatus.OK, e.encrypt(ByteBuffer.wrap(payload), out));
            assertArrayEquals(p.bytes(), Arrays.copyOf(out.array(), out.position()), "packet " + p.index());
        }
    }

    /** The sender's timestamp, read with plain JCE: it is not part of the decryptor's contract. */
    private static long timestampOf(byte[] packet, byte[] key, byte[] iv) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] plain = c.doFinal(packet, 48, packet.length - 48);
        return ByteBuffer.wrap(plain).getInt(4) & 0xFFFF_FFFFL;
    }
}
