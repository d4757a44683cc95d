package io.sluice.crypto.jce;

import static io.sluice.crypto.jce.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.crypto.HmacContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HMACs against RFC 2202 (HMAC-MD5, HMAC-SHA1) and RFC 4231 (HMAC-SHA-224 to HMAC-SHA-512):
 * test cases 1 (short key), 2 (key shorter than the output), 3 (binary data) and 6 (key longer
 * than the hash block, hashed first).
 */
class HmacKnownAnswerTest {

    private static final String HI_THERE = "Hi There";
    private static final String JEFE = "Jefe";
    private static final String WHAT = "what do ya want for nothing?";
    private static final String LARGE_KEY = "Test Using Larger Than Block-Size Key - Hash Key First";

    static Stream<Arguments> vectors() {
        return Stream.of(
                // RFC 2202 section 2, HMAC-MD5.
                Arguments.of("RFC 2202 2 case 1", "MD5", repeat(0x0b, 16), ascii(HI_THERE), "9294727a3638bb1c13f48ef8158bfc9d"),
                Arguments.of("RFC 2202 2 case 2", "MD5", ascii(JEFE), ascii(WHAT), "750c783e6ab0b503eaa86e310a5db738"),
                Arguments.of("RFC 2202 2 case 3", "MD5", repeat(0xaa, 16), repeat(0xdd, 50), "56be34521d144c88dbb8c733f0e8b3f6"),
                Arguments.of("RFC 2202 2 case 6", "MD5", repeat(0xaa, 80), ascii(LARGE_KEY), "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
                // RFC 2202 section 3, HMAC-SHA1.
                Arguments.of("RFC 2202 3 case 1", "SHA1", repeat(0x0b, 20), ascii(HI_THERE),
                        "b617318655057264e28bc0b6fb378c8ef146be00"),
                Arguments.of("RFC 2202 3 case 2", "SHA1", ascii(JEFE), ascii(WHAT), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
                Arguments.of("RFC 2202 3 case 3", "SHA1", repeat(0xaa, 20), repeat(0xdd, 50),
                        "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
                Arguments.of("RFC 2202 3 case 6", "SHA1", repeat(0xaa, 80), ascii(LARGE_KEY),
                        "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
                // RFC 4231 section 4.2, test case 1.
                Arguments.of("RFC 4231 case 1", "SHA224", repeat(0x0b, 20), ascii(HI_THERE),
                        "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"),
                Arguments.of("RFC 4231 case 1", "SHA256", repeat(0x0b, 20), ascii(HI_THERE),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of("RFC 4231 case 1", "SHA384", repeat(0x0b, 20), ascii(HI_THERE),
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                                + "faea9ea9076ede7f4af152e8b2fa9cb6"),
                Arguments.of("RFC 4231 case 1", "SHA512", repeat(0x0b, 20), ascii(HI_THERE),
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
                // RFC 4231 section 4.3, test case 2.
                Arguments.of("RFC 4231 case 2", "SHA224", ascii(JEFE), ascii(WHAT),
                        "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"),
                Arguments.of("RFC 4231 case 2", "SHA256", ascii(JEFE), ascii(WHAT),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of("RFC 4231 case 2", "SHA384", ascii(JEFE), ascii(WHAT),
                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                                + "8e2240ca5e69e2c78b3239ecfab21649"),
                Arguments.of("RFC 4231 case 2", "SHA512", ascii(JEFE), ascii(WHAT),
                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
                // RFC 4231 section 4.4, test case 3.
                Arguments.of("RFC 4231 case 3", "SHA256", repeat(0xaa, 20), repeat(0xdd, 50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                // RFC 4231 section 4.7, test case 6.
                Arguments.of("RFC 4231 case 6", "SHA224", repeat(0xaa, 131), ascii(LARGE_KEY),
                        "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e"),
                Arguments.of("RFC 4231 case 6", "SHA256", repeat(0xaa, 131), ascii(LARGE_KEY),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of("RFC 4231 case 6", "SHA384", repeat(0xaa, 131), ascii(LARGE_KEY),
                        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
                                + "0c2ef6ab4030fe8296248df163f44952"),
                Arguments.of("RFC 4231 case 6", "SHA512", repeat(0xaa, 131), ascii(LARGE_KEY),
                        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                                + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598"));
    }

    @ParameterizedTest(name = "{0}: HMAC-{1}")
    @MethodSource("vectors")
    void hmacIsTheSpecifiedValue(String testCase, String digest, byte[] key, byte[] data, String expected) throws Exception {
        try (HmacContext hmac = Providers.digests().createHmac(digest, key)) {
            byte[] out = new byte[hmac.spec().length()];
            hmac.update(data, 0, data.length);
            hmac.finish(out, 0);

            assertEquals(expected, hex(out));
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
