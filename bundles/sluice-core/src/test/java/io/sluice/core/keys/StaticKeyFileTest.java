package io.sluice.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StaticKeyFileTest {

    private static String file(String hex) {
        return "#\n# 2048 bit OpenVPN static key\n#\n" + StaticKeyFile.BEGIN + "\n" + hex + "\n" + StaticKeyFile.END + "\n";
    }

    @Test
    void readsTheHexBetweenTheMarkersAsTheKeyBlock() {
        String hex = "0123456789abcdef".repeat(32);

        Key2 key2 = StaticKeyFile.parse(file(hex.substring(0, 256) + "\n" + hex.substring(256)));

        assertEquals(hex, Hex.encode(key2.toByteArray()));
    }

    @Test
    void refusesTextWithoutTheMarkers() {
        assertThrows(IllegalArgumentException.class, () -> StaticKeyFile.parse("00".repeat(256)));
    }

    @Test
    void refusesAKeyThatIsNot256Bytes() {
        assertThrows(IllegalArgumentException.class, () -> StaticKeyFile.parse(file("00".repeat(255))));
        assertThrows(IllegalArgumentException.class, () -> StaticKeyFile.parse(file("00".repeat(257))));
    }

    @Test
    void refusesNonHexCharactersInsideTheMarkers() {
        assertThrows(IllegalArgumentException.class, () -> StaticKeyFile.parse(file("zz" + "00".repeat(255))));
    }
}
