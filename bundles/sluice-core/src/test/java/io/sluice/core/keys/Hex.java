package io.sluice.core.keys;

import java.util.HexFormat;

/** Hex for test vectors. */
public final class Hex {

    private Hex() {
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
