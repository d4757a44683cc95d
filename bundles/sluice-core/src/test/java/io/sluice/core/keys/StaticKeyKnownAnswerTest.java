package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A static key file read with each --secret direction gives the keys real OpenVPN 2.6 printed
 * for that direction (static-key-directions.properties).
 */
class StaticKeyKnownAnswerTest {

    private static final CipherSpec AES_256_CBC = new CipherSpec("AES-256-CBC", CipherMode.CBC, 32, 16, 16, 0);

    @ParameterizedTest
    @CsvSource({"dir0, 0", "dir1, 1", "none, "})
    void eachDirectionSelectsTheKeysOpenVpnPrinted(String tag, String direction) throws Exception {
        Vectors v = Vectors.load("/io/sluice/core/keys/static-key-directions.properties");
        Key2 key2 = StaticKeyFile.parse(Vectors.text("/io/sluice/core/keys/static.key"));

        DataChannelKeys keys = DataChannelKeys.select(key2, KeyDirection.forStaticKey(direction), AES_256_CBC,
                TestDigests.specOf("SHA256"));

        assertEquals(v.string(tag + ".outgoing.cipher"), Hex.encode(keys.encrypt().cipherKey()));
        assertEquals(v.string(tag + ".outgoing.hmac"), Hex.encode(keys.encrypt().hmacKey()));
        assertEquals(v.string(tag + ".incoming.cipher"), Hex.encode(keys.decrypt().cipherKey()));
        assertEquals(v.string(tag + ".incoming.hmac"), Hex.encode(keys.decrypt().hmacKey()));
    }
}
