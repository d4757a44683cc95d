package io.sluice.config.internal;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Address parsing without name resolution: the parser must never touch the network, so it cannot
 * use {@link java.net.InetAddress#getByName} for validation.
 */
public final class Addresses {

    private Addresses() {
    }

    /** The IPv4 address in dotted-quad form as an unsigned 32-bit value, or empty. */
    public static OptionalLong parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return OptionalLong.empty();
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return OptionalLong.empty();
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return OptionalLong.empty();
            }
            value = (value << 8) | octet;
        }
        return OptionalLong.of(value);
    }

    /** Whether {@code s} is an IPv4 dotted quad. */
    public static boolean isIpv4(String s) {
        return parseIpv4(s).isPresent();
    }

    /** Dotted-quad text of an unsigned 32-bit address. */
    public static String formatIpv4(long a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    /** The prefix length of a contiguous netmask, or empty if the mask has holes. */
    public static OptionalInt netmaskBits(long mask) {
        for (int bits = 0; bits <= 32; bits++) {
            if (maskOf(bits) == mask) {
                return OptionalInt.of(bits);
            }
        }
        return OptionalInt.empty();
    }

    /** The netmask with {@code bits} leading ones. */
    public static long maskOf(int bits) {
        return bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    }

    /** The 16 bytes of an IPv6 literal (no brackets, no zone), or {@code null}. */
    public static byte[] parseIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int g = 8 - t.length + i;
            out[2 * g] = (byte) (t[i] >> 8);
            out[2 * g + 1] = (byte) t[i];
        }
        return out;
    }

    /** 16-bit groups of one side of "::"; an embedded IPv4 tail counts as two groups. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int extra = parts[parts.length - 1].contains(".") ? 1 : 0;
        int[] out = new int[parts.length + extra];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && extra == 1) {
                OptionalLong v4 = parseIpv4(p);
                if (v4.isEmpty()) {
                    return null;
                }
                out[i] = (int) (v4.getAsLong() >>> 16);
                out[i + 1] = (int) (v4.getAsLong() & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    /** Whether {@code s} is an IPv6 literal. */
    public static boolean isIpv6(String s) {
        return parseIpv6(s) != null;
    }

    /** An IPv6 address with optional {@code /bits}; {@code bits} is -1 if absent. */
    public record Ipv6Net(byte[] address, int bits) {
    }

    /** Parses {@code addr[/bits]}, or returns {@code null}. */
    public static Ipv6Net parseIpv6Net(String s) {
        int slash = s.indexOf('/');
        String addr = slash >= 0 ? s.substring(0, slash) : s;
        int bits = -1;
        if (slash >= 0) {
            String b = s.substring(slash + 1);
            if (b.isEmpty() || b.length() > 3 || !b.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            bits = Integer.parseInt(b);
            if (bits > 128) {
                return null;
            }
        }
        byte[] a = parseIpv6(addr);
        return a == null ? null : new Ipv6Net(a, bits);
    }

    /** {@code base + offset} for an IPv6 address, as OpenVPN's add_in6_addr does. */
    public static byte[] addIpv6(byte[] base, long offset) {
        byte[] out = base.clone();
        long carry = offset;
        for (int i = 15; i >= 0 && carry != 0; i--) {
            long sum = (out[i] & 0xff) + (carry & 0xff);
            out[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return out;
    }

    /** Canonical RFC 5952 text of an IPv6 address (longest zero run compressed, lower case). */
    public static String formatIpv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /** Whether {@code s} looks like a host name or address OpenVPN could resolve. */
    public static boolean isHost(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == ':' || c == '%' || c == '*';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
