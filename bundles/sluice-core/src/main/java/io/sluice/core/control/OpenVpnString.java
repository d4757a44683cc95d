package io.sluice.core.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * OpenVPN's string encoding inside the key method 2 message (ssl.c {@code write_string},
 * {@code write_empty_string}, {@code read_string}): a 2-byte big-endian length that counts
 * the terminating NUL, the bytes, the NUL. An absent string is the length 0 alone; the empty
 * string is length 1 and a single NUL. The two differ on purpose: OpenVPN takes length 0 as
 * "no username" but length 1 as "the empty username".
 */
final class OpenVpnString {

    /** Largest length the 2-byte field can hold. */
    static final int MAX_ENCODED = 0xFFFF;

    private OpenVpnString() {
    }

    /** Bytes {@link #write} produces for {@code s}. */
    static int encodedLength(String s) {
        return 2 + utf8(s).length + 1;
    }

    /**
     * Writes {@code s} with its length and NUL.
     *
     * @param maxLength largest allowed length field (NUL included), as OpenVPN's {@code maxlen}
     * @throws IllegalArgumentException if {@code s} holds a NUL (C would cut it there) or is
     *                                  longer than {@code maxLength}
     */
    static void write(ByteBuffer out, String s, int maxLength) {
        byte[] bytes = utf8(s);
        int length = bytes.length + 1;
        if (length > maxLength || length > MAX_ENCODED) {
            throw new IllegalArgumentException("string of " + length + " bytes (NUL included) exceeds " + maxLength);
        }
        out.putShort((short) length).put(bytes).put((byte) 0);
    }

    /** Writes the absent string: a zero length. */
    static void writeAbsent(ByteBuffer out) {
        out.putShort((short) 0);
    }

    static byte[] utf8(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string holds a NUL");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text of a received string: its bytes up to the first NUL, the last byte ignored as
     * OpenVPN overwrites it with a NUL rather than checking it. {@code null} if not UTF-8.
     */
    static String decode(ByteBuffer in, int length) {
        int start = in.position();
        int end = start + length - 1;
        int stop = start;
        while (stop < end && in.get(stop) != 0) {
            stop++;
        }
        ByteBuffer text = in.duplicate().limit(stop).position(start);
        in.position(start + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(text);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
