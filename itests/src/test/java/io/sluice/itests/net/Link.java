package io.sluice.itests.net;

import java.net.Inet6Address;

/**
 * A veth pair joining two namespaces, each end with an IPv4 address from 198.18.0.0/15 and an IPv6
 * address from fd18::/16 on a network of its own.
 *
 * @param a the end in the first namespace given to {@link NetLab#link}
 * @param b the end in the second
 * @param v4Prefix prefix length of the IPv4 network (both ends are on it)
 * @param v6Prefix prefix length of the IPv6 network
 */
public record Link(LinkEnd a, LinkEnd b, int v4Prefix, int v6Prefix) {

    /** The end that lives in {@code ns}. */
    public LinkEnd end(Ns ns) {
        if (a.ns().equals(ns)) {
            return a;
        }
        if (b.ns().equals(ns)) {
            return b;
        }
        throw new IllegalArgumentException(ns + " is not on link " + this);
    }

    /** The end that does not live in {@code ns}. */
    public LinkEnd peerOf(Ns ns) {
        return end(ns) == a ? b : a;
    }

    /** The IPv4 network, e.g. {@code 198.18.3.0/24}. */
    public String v4Network() {
        byte[] x = a.ipv4().getAddress();
        int bits = 32 - v4Prefix;
        int v = ((x[0] & 0xff) << 24 | (x[1] & 0xff) << 16 | (x[2] & 0xff) << 8 | (x[3] & 0xff)) >>> bits << bits;
        return (v >>> 24) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff) + "/" + v4Prefix;
    }

    /** The IPv6 network, e.g. {@code fd18:0:0:3::/64} (the harness only hands out /64s). */
    public String v6Network() {
        byte[] x = a.ipv6().getAddress();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString((x[i] & 0xff) << 8 | (x[i + 1] & 0xff))).append(':');
        }
        return sb.append(":/").append(v6Prefix).toString();
    }

    /** RFC 5952-ish compressed text (Java's own form never uses "::"), as ip(8) and OpenVPN print it. */
    static String compress(Inet6Address address) {
        byte[] x = address.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (x[2 * i] & 0xff) << 8 | (x[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
