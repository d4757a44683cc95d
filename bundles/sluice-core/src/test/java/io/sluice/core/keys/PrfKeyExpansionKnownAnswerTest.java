package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The PRF key expansion against the key dumps of real OpenVPN 2.6 peers (see the headers of
 * the vector files for how they were recorded).
 */
class PrfKeyExpansionKnownAnswerTest {

    private static final CipherSpec AES_256_GCM = new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16);

    @Test
    void reproducesBothKeysOpenVpnDerivedForAes256CbcWithSha512() throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/keys/prf-aes256cbc-sha512.properties");

        Key2 key2 = new PrfKeyExpansion(new TestDigests()).expand(v.prfKeySource());

        // A SHA512 HMAC key is the whole 64-byte HMAC part, so this checks 3/4 of the block.
        assertEquals(v.string("key0.cipher"), Hex.encode(key2.cipherKey(0, 32)));
        assertEquals(v.string("key0.hmac"), Hex.encode(key2.hmacKey(0, 64)));
        assertEquals(v.string("key1.cipher"), Hex.encode(key2.cipherKey(1, 32)));
        assertEquals(v.string("key1.hmac"), Hex.encode(key2.hmacKey(1, 64)));
    }

    @Test
    void reproducesTheCipherKeysAndImplicitIvsOpenVpnUsedForAes256Gcm() throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/keys/prf-aes256gcm.properties");
        Key2 key2 = new PrfKeyExpansion(new TestDigests()).expand(v.prfKeySource());

        DataChannelKeys client = DataChannelKeys.select(key2, KeyDirection.forTls(false), AES_256_GCM, null);
        DataChannelKeys server = DataChannelKeys.select(key2, KeyDirection.forTls(true), AES_256_GCM, null);

        assertEquals(v.string("key0.cipher"), Hex.encode(client.encrypt().cipherKey()));
        assertEquals(v.string("key1.cipher"), Hex.encode(server.encrypt().cipherKey()));
        // "ENCRYPT IV" lines print the whole nonce: packet id 1, then the implicit IV.
        byte[] clientNonce = v.bytes("client.encrypt_iv");
        byte[] serverNonce = v.bytes("server.encrypt_iv");
        assertArrayEquals(Arrays.copyOfRange(clientNonce, 4, 12), client.encrypt().implicitIv());
        assertArrayEquals(Arrays.copyOfRange(serverNonce, 4, 12), server.encrypt().implicitIv());
        // And each peer decrypts with what the other encrypts with.
        assertArrayEquals(client.encrypt().cipherKey(), server.decrypt().cipherKey());
        assertArrayEquals(client.encrypt().implicitIv(), server.decrypt().implicitIv());
    }

    @Test
    void swappingTheSessionIdsChangesTheKeys() throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/keys/prf-aes256cbc-sha512.properties");
        PrfKeySource s = v.prfKeySource();
        PrfKeySource swapped = new PrfKeySource(s.preMaster(), s.clientRandom1(), s.clientRandom2(),
                s.serverRandom1(), s.serverRandom2(), s.serverSessionId(), s.clientSessionId());

        Key2 key2 = new PrfKeyExpansion(new TestDigests()).expand(swapped);

        assertFalse(v.string("key0.cipher").equals(Hex.encode(key2.cipherKey(0, 32))));
    }
}
