package io.sluice.core.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.DataChannelKeys;
import io.sluice.core.keys.Hex;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.keys.TestDigests;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenVPN FAQ's static key ("I edited my OpenVPN static key ... Is this a bug?"): of the
 * 2048-bit file only lines 1, 5 and 6 (direction none) or also 9, 13 and 14 (directions 0 and
 * 1) hold key material for BF-CBC and HMAC-SHA1, and {@code openvpn --verb 7 --secret key [0|1]}
 * prints these cipher and HMAC keys. A static-key peer's keys, selected as {@link StaticKeyCrypto}
 * selects them, are exactly those. Only the selection is tested: no Blowfish is needed.
 */
class FaqStaticKeyKnownAnswerTest {

    // The FAQ's key lines (partial in the FAQ; the rest of each line and the other lines do not matter).
    private static final String LINE_1 = "eac9ae92cd73c5c2d6a2338b5a22263a";
    private static final String LINE_5 = "f702cb04c7d15ff2606736c1825e830a";
    private static final String LINE_6 = "7e30a7964b82825d6767a04b3c8f4583";
    private static final String LINE_9 = "2c2cef8ac550ed15213b216b825ab31e";
    private static final String LINE_13 = "adddb889b8173ac79b4261328770bbbe";
    private static final String LINE_14 = "74294bc7" + "5a".repeat(12);

    // What OpenVPN printed: "CIPHER KEY: eac9ae92 cd73c5c2 ...", "HMAC KEY: f702cb04 ... 7e30a796".
    private static final String KEY0_CIPHER = "eac9ae92cd73c5c2d6a2338b5a22263a";
    private static final String KEY0_HMAC = "f702cb04c7d15ff2606736c1825e830a7e30a796";
    private static final String KEY1_CIPHER = "2c2cef8ac550ed15213b216b825ab31e";
    private static final String KEY1_HMAC = "adddb889b8173ac79b4261328770bbbe74294bc7";

    private static final CipherSpec BF_CBC = new CipherSpec("BF-CBC", CipherMode.CBC, 16, 8, 8, 0);

    @ParameterizedTest(name = "secret key {0}")
    @CsvSource({
        "none, " + KEY0_CIPHER + ", " + KEY0_HMAC + ", " + KEY0_CIPHER + ", " + KEY0_HMAC,
        "0, " + KEY0_CIPHER + ", " + KEY0_HMAC + ", " + KEY1_CIPHER + ", " + KEY1_HMAC,
        "1, " + KEY1_CIPHER + ", " + KEY1_HMAC + ", " + KEY0_CIPHER + ", " + KEY0_HMAC})
    void eachDirectionGivesTheCipherAndHmacKeysTheFaqPrinted(String direction, String encryptCipher,
                                                             String encryptHmac, String decryptCipher,
                                                             String decryptHmac) throws Exception {
        Key2 key = StaticKeyFile.parse(faqKeyFile());

        StaticKeyCrypto crypto = StaticKeyCrypto.create(key,
                KeyDirection.forStaticKey(direction.equals("none") ? null : direction), "BF-CBC", "SHA1",
                blowfishSpecOnly());

        DataChannelKeys keys = crypto.keys();
        assertEquals(encryptCipher, Hex.encode(keys.encrypt().cipherKey()), "Static Encrypt: CIPHER KEY");
        assertEquals(encryptHmac, Hex.encode(keys.encrypt().hmacKey()), "Static Encrypt: HMAC KEY");
        assertEquals(decryptCipher, Hex.encode(keys.decrypt().cipherKey()), "Static Decrypt: CIPHER KEY");
        assertEquals(decryptHmac, Hex.encode(keys.decrypt().hmacKey()), "Static Decrypt: HMAC KEY");
        assertEquals(List.of(
                "Outgoing Static Key Encryption: Cipher 'BF-CBC' initialized with 128 bit key",
                "Outgoing Static Key Encryption: Using 160 bit message hash 'SHA1' for HMAC authentication",
                "Incoming Static Key Encryption: Cipher 'BF-CBC' initialized with 128 bit key",
                "Incoming Static Key Encryption: Using 160 bit message hash 'SHA1' for HMAC authentication"),
                crypto.startLines(), "OpenVPN 2.6's words for the FAQ's 'Static Encrypt: Cipher ...' lines");
    }

    /** Sixteen lines of 16 bytes; lines 1, 5, 6, 9, 13 and 14 hold the FAQ's bytes, the others filler. */
    private static String faqKeyFile() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            lines.add(switch (n) {
                case 1 -> LINE_1;
                case 5 -> LINE_5;
                case 6 -> LINE_6;
                case 9 -> LINE_9;
                case 13 -> LINE_13;
                case 14 -> LINE_14;
                default -> String.format("%02x", 0xa0 + n).repeat(16);
            });
        }
        return "# 2048 bit OpenVPN static key\n" + StaticKeyFile.BEGIN + "\n" + String.join("\n", lines) + "\n"
                + StaticKeyFile.END + "\n";
    }

    /** Providers that know BF-CBC's shape (no Blowfish: no context is ever made) and the JDK's digests. */
    private static CryptoProviders blowfishSpecOnly() {
        CipherProvider blowfish = new CipherProvider() {
            @Override
            public Set<String> ciphers() {
                return Set.of(BF_CBC.name());
            }

            @Override
            public Optional<CipherSpec> spec(String name) {
                return name.equalsIgnoreCase(BF_CBC.name()) ? Optional.of(BF_CBC) : Optional.empty();
            }

            @Override
            public io.sluice.api.crypto.CipherContext create(String name, byte[] key, boolean encrypt)
                    throws GeneralSecurityException {
                throw new GeneralSecurityException("key selection only");
            }
        };
        DigestProvider digests = new TestDigests();
        return CryptoProviders.of(blowfish, digests);
    }
}
