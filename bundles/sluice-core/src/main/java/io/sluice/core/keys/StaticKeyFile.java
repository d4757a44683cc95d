package io.sluice.core.keys;

import java.util.Arrays;

/**
 * Reads an OpenVPN static key file ({@code openvpn --genkey secret}, used by {@code --secret},
 * {@code --tls-auth} and {@code --tls-crypt}): 256 bytes as hex between a BEGIN and an END line,
 * in {@link Key2} layout (crypto.c {@code read_key_file}).
 *
 * <p>Text outside the markers is ignored (the generator writes {@code #} comments above them);
 * inside, whitespace is skipped and anything else but hex digits is an error.
 */
public final class StaticKeyFile {

    /** crypto.c {@code static_key_head}. */
    public static final String BEGIN = "-----BEGIN OpenVPN Static key V1-----";
    /** crypto.c {@code static_key_foot}. */
    public static final String END = "-----END OpenVPN Static key V1-----";

    private StaticKeyFile() {
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException when the markers are missing, a character is not hex, or
     *                                  the key is not exactly 256 bytes
     */
    public static Key2 parse(CharSequence text) {
        String s = text.toString();
        int begin = s.indexOf(BEGIN);
        int end = begin < 0 ? -1 : s.indexOf(END, begin + BEGIN.length());
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException("not an OpenVPN static key: missing '" + BEGIN + "' or '" + END + "'");
        }
        byte[] block = new byte[Key2.LENGTH];
        int nibbles = 0;
        try {
            for (int i = begin + BEGIN.length(); i < end; i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                int v = Character.digit(c, 16);
                if (v < 0) {
                    throw new IllegalArgumentException("static key: '" + c + "' is not a hex digit");
                }
                if (nibbles >= 2 * Key2.LENGTH) {
                    throw new IllegalArgumentException("static key: more than " + Key2.LENGTH + " bytes");
                }
                block[nibbles / 2] |= (byte) (nibbles % 2 == 0 ? v << 4 : v);
                nibbles++;
            }
            if (nibbles != 2 * Key2.LENGTH) {
                throw new IllegalArgumentException("static key: " + nibbles / 2 + " bytes, expected " + Key2.LENGTH);
            }
            return Key2.of(block);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }
}
