package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.CipherContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AES-GCM against the test cases with 96-bit IVs of "The Galois/Counter Mode of Operation
 * (GCM)", McGrew and Viega, appendix B, the vectors NIST publishes with SP 800-38D: cases 3, 9
 * and 15 without AAD, 4, 10 and 16 with it.
 */
class GcmKnownAnswerTest {

    private static final String K128 = "feffe9928665731c6d6a8f9467308308";
    private static final String K192 = K128 + "feffe9928665731c";
    private static final String K256 = K128 + K128;
    private static final String IV = "cafebabefacedbaddecaf888";
    private static final String P60 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
    private static final String P64 = P60 + "1aafd255";
    private static final String A = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("Test Case 3", "AES-128-GCM", K128, P64, null,
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
                        "4d5c2af327cd64a62cf35abd2ba6fab4"),
                Arguments.of("Test Case 4", "AES-128-GCM", K128, P60, A,
                        "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
                        "5bc94fbc3221a5db94fae95ae7121a47"),
                Arguments.of("Test Case 9", "AES-192-GCM", K192, P64, null,
                        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c"
                                + "7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
                        "9924a7c8587336bfb118024db8674a14"),
                Arguments.of("Test Case 10", "AES-192-GCM", K192, P60, A,
                        "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c"
                                + "7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
                        "2519498e80f1478f37ba55bd6d27618c"),
                Arguments.of("Test Case 15", "AES-256-GCM", K256, P64, null,
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
                        "b094dac5d93471bdec1a502270e3cc6c"),
                Arguments.of("Test Case 16", "AES-256-GCM", K256, P60, A,
                        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
                        "76fc6ece0f4e1768cddf8853bb2d551b"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("vectors")
    void encryptionGivesTheSpecifiedCiphertextAndTag(String testCase, String cipher, String key, String plaintext,
            String aad, String ciphertext, String tag) throws Exception {
        try (CipherContext context = Providers.ciphers().create(cipher, hex(key), true)) {
            Packets.Sealed sealed = Packets.seal(context, hex(IV), aad == null ? null : hex(aad), hex(plaintext));

            assertEquals(ciphertext, hex(sealed.ciphertext()));
            assertEquals(tag, hex(sealed.tag()));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("vectors")
    void decryptionOfTheSpecifiedCiphertextAndTagGivesThePlaintext(String testCase, String cipher, String key,
            String plaintext, String aad, String ciphertext, String tag) throws Exception {
        try (CipherContext context = Providers.ciphers().create(cipher, hex(key), false)) {
            byte[] opened = Packets.open(context, hex(IV), aad == null ? null : hex(aad),
                    new Packets.Sealed(hex(ciphertext), hex(tag)));

            assertArrayEquals(hex(plaintext), opened);
        }
    }
}
