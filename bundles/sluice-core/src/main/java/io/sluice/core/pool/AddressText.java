package io.sluice.core.pool;

/**
 * IP addresses as text, the way OpenVPN reads and prints them in the files and script arguments
 * it shares with other programs ({@code ifconfig-pool-persist}, {@code learn-address}).
 *
 * <p>Printing follows glibc's {@code inet_ntop}, which OpenVPN's {@code print_in6_addr} calls, so
 * a file Sluice writes reads the same to OpenVPN, and a script sees the same argument. Parsing
 * accepts only numeric forms and never touches a resolver: unlike
 * {@link java.net.InetAddress#getByName}, a host name in a file cannot trigger a DNS lookup.
 * Dotted quads with leading zeros are refused rather than guessed at, because the C library reads
 * {@code 010} as octal 8 and Java would read it as 10.
 *
 * <p>Shared by the {@code route} package for printing route keys.
 */
public final class AddressText {

    private AddressText() {
    }

    /**
     * Reads a dotted-quad IPv4 address.
     *
     * @return the address as an unsigned 32-bit value in a long, or -1 if {@code text} is not one
     */
    public static long parseIpv4(CharSequence text) {
        return parseIpv4(text, 0, text.length());
    }

    private static long parseIpv4(CharSequence text, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int part = 0;
            while (i < to && i - start < 4 && isDigit(text.charAt(i))) {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || part > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (parts < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    /**
     * Reads an IPv6 address in any of RFC 4291's text forms ({@code ::} compression, a trailing
     * dotted quad), without zone or prefix.
     *
     * @return the 16 address bytes, or null if {@code text} is not an IPv6 address
     */
    public static byte[] parseIpv6(CharSequence text) {
        int length = text.length();
        if (length < 2) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.charAt(0) == ':') {
            if (text.charAt(1) != ':') {
                return null;
            }
            gap = 0;
            i = 2;
        }
        while (i < length) {
            if (count == 8) {
                return null;
            }
            int start = i;
            int group = 0;
            while (i < length && i - start < 5 && hexValue(text.charAt(i)) >= 0) {
                group = (group << 4) | hexValue(text.charAt(i));
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                // The last 32 bits written as a dotted quad (::ffff:1.2.3.4).
                if (count > 6) {
                    return null;
                }
                long v4 = parseIpv4(text, start, length);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = length;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = group;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < length && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == length) {
                return null;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        int tail = gap < 0 ? 0 : count - gap;
        for (int g = 0; g < count; g++) {
            int slot = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
            bytes[2 * slot] = (byte) (groups[g] >>> 8);
            bytes[2 * slot + 1] = (byte) groups[g];
        }
        return bytes;
    }

    /** {@code a.b.c.d} for an address given as a 32-bit value. */
    public static String formatIpv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /**
     * An IPv6 address as glibc's {@code inet_ntop} prints it: lowercase hex without leading
     * zeros, the longest run of two or more zero groups (the first if tied) as {@code ::}, and
     * IPv4-compatible ({@code ::a.b.c.d}) and IPv4-mapped ({@code ::ffff:a.b.c.d}) addresses with
     * a dotted quad.
     */
    public static String formatIpv6(byte[] address) {
        if (address.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + address.length);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8;) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestBase = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder(41);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff))) {
                out.append(address[12] & 0xff).append('.').append(address[13] & 0xff).append('.')
                        .append(address[14] & 0xff).append('.').append(address[15] & 0xff);
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            out.append(':');
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
