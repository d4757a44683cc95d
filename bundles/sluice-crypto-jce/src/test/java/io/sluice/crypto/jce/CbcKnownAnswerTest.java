package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherContext;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AES-CBC against NIST SP 800-38A appendix F.2 (F.2.1/2 AES-128, F.2.3/4 AES-192, F.2.5/6
 * AES-256). Those vectors are four whole blocks without padding; with PKCS#7 a fifth block of
 * sixteen 0x10 bytes follows, whose ciphertext is AES(key, C4 xor 10..10), computed here with
 * the JDK's raw AES block function.
 */
class CbcKnownAnswerTest {

    private static final String IV = "000102030405060708090a0b0c0d0e0f";
    private static final String PLAINTEXT = """
            6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
            30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710""";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("F.2.1", "AES-128-CBC", "2b7e151628aed2a6abf7158809cf4f3c", """
                        7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2
                        73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"""),
                Arguments.of("F.2.3", "AES-192-CBC", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", """
                        4f021db243bc633d7178183a9fa071e8 b4d9ada9ad7dedf4e5e738763f69145a
                        571b242012fb7ae07fa9baac3df102e0 08b0e27988598881d920a9e64f5615cd"""),
                Arguments.of("F.2.5", "AES-256-CBC", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", """
                        f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
                        39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"""));
    }

    @ParameterizedTest(name = "SP 800-38A {0} ({1})")
    @MethodSource("vectors")
    void encryptionGivesTheSpecifiedBlocksThenTheFullPaddingBlock(String section, String cipher, String key,
            String ciphertext) throws Exception {
        try (CipherContext context = Providers.ciphers().create(cipher, hex(key), true)) {
            byte[] sealed = Packets.seal(context, hex(IV), null, hex(PLAINTEXT)).ciphertext();

            assertEquals(hex(withPaddingBlock(key, ciphertext)), hex(sealed));
        }
    }

    @ParameterizedTest(name = "SP 800-38A {0} ({1})")
    @MethodSource("vectors")
    void decryptionGivesTheSpecifiedPlaintextWithoutPadding(String section, String cipher, String key,
            String ciphertext) throws Exception {
        try (CipherContext context = Providers.ciphers().create(cipher, hex(key), false)) {
            byte[] opened = Packets.open(context, hex(IV), null,
                    new Packets.Sealed(withPaddingBlock(key, ciphertext), null));

            assertArrayEquals(hex(PLAINTEXT), opened);
        }
    }

    /** The NIST ciphertext followed by the encryption of a whole block of PKCS#7 padding. */
    private static byte[] withPaddingBlock(String key, String ciphertext) throws Exception {
        byte[] blocks = hex(ciphertext);
        byte[] padding = Arrays.copyOfRange(blocks, blocks.length - 16, blocks.length);
        for (int i = 0; i < padding.length; i++) {
            padding[i] ^= 0x10;
        }
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hex(key), "AES"));
        byte[] last = aes.doFinal(padding);
        byte[] all = Arrays.copyOf(blocks, blocks.length + 16);
        System.arraycopy(last, 0, all, blocks.length, 16);
        return all;
    }
}
