package io.sluice.core.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherSpec;
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

/** A client's renegotiated key seals only once the server has shown it holds the key. */
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
}
