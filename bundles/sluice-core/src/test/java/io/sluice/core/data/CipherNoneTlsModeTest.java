package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.DigestSpec;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.time.Clock;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code cipher none} in TLS mode (crypto.c {@code openvpn_encrypt_v1} without a cipher): header,
 * HMAC over the 4-byte packet id and the payload, payload in clear.
 */
class CipherNoneTlsModeTest {

    private static final CryptoProviders CRYPTO = TestCrypto.providers();
    private static final DigestSpec SHA1 = CRYPTO.digestSpec("SHA1").orElseThrow();

    private static DataChannelKeys keys(boolean server) throws Exception {
        byte[] b = new byte[Key2.LENGTH];
        new Random(3).nextBytes(b);
        return DataChannelKeys.select(Key2.of(b), KeyDirection.forTls(server), DataChannelCrypto.CIPHER_NONE, SHA1);
    }

    private static DataEncryptor encryptor(DigestSpec auth, DataFraming framing) throws Exception {
        return DataChannelCrypto.encryptor(null, CRYPTO.digest("SHA1").orElseThrow(), DataChannelCrypto.CIPHER_NONE,
                auth, keys(true).encrypt(), framing, PacketIdSender.shortForm(), iv -> { });
    }

    private static DataDecryptor decryptor(DigestSpec auth, int keyId) throws Exception {
        return DataChannelCrypto.decryptor(null, CRYPTO.digest("SHA1").orElseThrow(), DataChannelCrypto.CIPHER_NONE,
                auth, keys(false).decrypt(), DataFraming.v1(keyId), ReplayWindow.withDefaults(Clock.system()));
    }

    @Test
    void aV2PacketIsHeaderHmacPacketIdAndThePayloadInClear() throws Exception {
        ByteBuffer wire = ByteBuffer.allocate(256);
        byte[] payload = {0x45, 0, 0, 3};
        assertEquals(EncryptStatus.OK, encryptor(SHA1, DataFraming.v2(2, 7)).encrypt(ByteBuffer.wrap(payload), wire));
        wire.flip();
        assertEquals(4 + 20 + 4 + 4, wire.remaining());
        assertEquals((DataFraming.P_DATA_V2 << 3 | 2) << 24 | 7, wire.getInt(0));
        assertEquals(1, wire.getInt(24), "the first packet id");
        byte[] clear = new byte[4];
        wire.get(28, clear);
        assertArrayEquals(payload, clear);

        ByteBuffer out = ByteBuffer.allocate(256);
        assertEquals(DecryptStatus.OK, decryptor(SHA1, 2).decrypt(wire, out));
        out.flip();
        byte[] got = new byte[out.remaining()];
        out.get(got);
        assertArrayEquals(payload, got);
    }

    @Test
    void aChangedPayloadFailsTheHmacAndAnotherKeyIdIsRefused() throws Exception {
        ByteBuffer wire = ByteBuffer.allocate(256);
        encryptor(SHA1, DataFraming.v1(1)).encrypt(ByteBuffer.wrap(new byte[] {1, 2, 3}), wire);
        wire.flip();
        ByteBuffer tampered = wire.duplicate();
        tampered.put(wire.limit() - 1, (byte) 9);
        assertEquals(DecryptStatus.BAD_HMAC, decryptor(SHA1, 1).decrypt(tampered, ByteBuffer.allocate(256)));
        wire.put(wire.limit() - 1, (byte) 3);
        assertEquals(DecryptStatus.WRONG_KEY_ID, decryptor(SHA1, 0).decrypt(wire, ByteBuffer.allocate(256)));
    }

    @Test
    void withAuthNoneThereIsNoHmacAtAll() throws Exception {
        ByteBuffer wire = ByteBuffer.allocate(256);
        encryptor(null, DataFraming.v1(0)).encrypt(ByteBuffer.wrap(new byte[] {1, 2, 3}), wire);
        wire.flip();
        assertEquals(1 + 4 + 3, wire.remaining());
        assertEquals(DecryptStatus.OK, decryptor(null, 0).decrypt(wire, ByteBuffer.allocate(256)));
    }
}
