package io.sluice.crypto.jce;

import java.util.HexFormat;

/** Test vectors as printed in their specifications: hex, with any white space. */
final class Hex {

    private Hex() {
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
