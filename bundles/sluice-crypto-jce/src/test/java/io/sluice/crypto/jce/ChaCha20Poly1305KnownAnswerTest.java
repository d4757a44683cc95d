package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CHACHA20-POLY1305 against the AEAD test vector of RFC 8439, section 2.8.2. */
class ChaCha20Poly1305KnownAnswerTest {

    private static final byte[] PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could offer you only one"
            + " tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final String AAD = "50515253c0c1c2c3c4c5c6c7";
    private static final String KEY = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    /** The 32-bit constant 07 00 00 00 followed by the 64-bit IV 40 .. 47. */
    private static final String NONCE = "070000004041424344454647";
    private static final String CIPHERTEXT = """
            d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6
            3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36
            92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc
            3ff4def08e4b7a9de576d26586cec64b6116""";
    private static final String TAG = "1ae10b594f09e26a7e902ecbd0600691";

    @Test
    void encryptionGivesTheRfc8439CiphertextAndTag() throws Exception {
        try (CipherContext context = Providers.ciphers().create("CHACHA20-POLY1305", hex(KEY), true)) {
            Packets.Sealed sealed = Packets.seal(context, hex(NONCE), hex(AAD), PLAINTEXT);

            assertEquals(hex(hex(CIPHERTEXT)), hex(sealed.ciphertext()));
            assertEquals(TAG, hex(sealed.tag()));
        }
    }

    @Test
    void decryptionOfTheRfc8439CiphertextAndTagGivesThePlaintext() throws Exception {
        try (CipherContext context = Providers.ciphers().create("CHACHA20-POLY1305", hex(KEY), false)) {
            byte[] opened = Packets.open(context, hex(NONCE), hex(AAD), new Packets.Sealed(hex(CIPHERTEXT), hex(TAG)));

            assertArrayEquals(PLAINTEXT, opened);
        }
    }
}
