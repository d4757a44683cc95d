package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.StaticKeyFile;

/** The tls-crypt key file has exactly the layout of {@code openvpn --genkey tls-crypt}. */
class StaticKeyTextTest {

    /** Always yields the bytes 0, 1, 2, ... 255, so the expected hex is known. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }

    @Test
    void theFileHasOpenVpnsCommentHeaderMarkersAnd16LinesOf32LowerCaseHexDigits() {
        String text = new String(StaticKeyText.generate(new CountingRandom()), StandardCharsets.US_ASCII);
        List<String> lines = text.lines().toList();

        assertEquals(List.of("#", "# 2048 bit OpenVPN static key", "#", "-----BEGIN OpenVPN Static key V1-----"),
                lines.subList(0, 4));
        assertEquals("000102030405060708090a0b0c0d0e0f", lines.get(4));
        assertEquals("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", lines.get(19));
        for (String hex : lines.subList(4, 20)) {
            assertTrue(hex.matches("[0-9a-f]{32}"), hex);
        }
        assertEquals("-----END OpenVPN Static key V1-----", lines.get(20));
        assertEquals(21, lines.size());
        assertTrue(text.endsWith("-----END OpenVPN Static key V1-----\n"));
    }

    @Test
    void sluicesStaticKeyReaderReadsBackTheRandomBytes() {
        Key2 key = StaticKeyFile.parse(new String(StaticKeyText.generate(new CountingRandom()),
                StandardCharsets.US_ASCII));
        byte[] expected = new byte[256];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        assertArrayEquals(expected, key.toByteArray());
    }

    @Test
    void eachKeyIsFreshlyRandom() {
        SecureRandom random = new SecureRandom();
        assertFalse(Arrays.equals(StaticKeyText.generate(random), StaticKeyText.generate(random)));
    }
}
