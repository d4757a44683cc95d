package io.sluice.core.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The PEM-style text OpenVPN keeps tls-crypt-v2 keys in (crypto.c {@code write_pem_key_file},
 * {@code read_pem_key_file}): {@code -----BEGIN NAME-----}, the key in base64 as lines of 64
 * characters, {@code -----END NAME-----}, each line ending in a newline, as OpenSSL's PEM
 * writer lays it out.
 *
 * <p>Reading ignores text outside the markers (a comment above them, an inline block's
 * indentation) and whitespace inside, but refuses anything else that is not base64, so a
 * damaged file is reported rather than half-read.
 */
public final class PemKeyBlock {

    private static final int LINE = 64;

    private PemKeyBlock() {
    }

    /** {@code -----BEGIN name-----}. */
    public static String begin(String name) {
        return "-----BEGIN " + name + "-----";
    }

    /** {@code -----END name-----}. */
    public static String end(String name) {
        return "-----END " + name + "-----";
    }

    /**
     * The bytes of the block called {@code name} in {@code text}.
     *
     * @throws IllegalArgumentException when a marker is missing or the content is not base64
     */
    public static byte[] decode(String name, CharSequence text) {
        String s = text.toString();
        String begin = begin(name);
        String end = end(name);
        int from = s.indexOf(begin);
        int to = from < 0 ? -1 : s.indexOf(end, from + begin.length());
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("missing '" + begin + "' or '" + end + "'");
        }
        StringBuilder b64 = new StringBuilder(to - from);
        for (int i = from + begin.length(); i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b64.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not valid base64: " + e.getMessage());
        }
    }

    /**
     * The text of a block called {@code name} holding {@code content}, as bytes so that the
     * caller can wipe it once written (no String holds the key).
     */
    public static byte[] encode(String name, byte[] content) {
        byte[] b64 = Base64.getEncoder().encode(content);
        byte[] head = (begin(name) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] foot = (end(name) + "\n").getBytes(StandardCharsets.US_ASCII);
        int lines = (b64.length + LINE - 1) / LINE;
        byte[] out = new byte[head.length + b64.length + lines + foot.length];
        System.arraycopy(head, 0, out, 0, head.length);
        int p = head.length;
        for (int i = 0; i < b64.length; i += LINE) {
            int n = Math.min(LINE, b64.length - i);
            System.arraycopy(b64, i, out, p, n);
            p += n;
            out[p++] = '\n';
        }
        System.arraycopy(foot, 0, out, p, foot.length);
        Arrays.fill(b64, (byte) 0);
        return out;
    }
}
