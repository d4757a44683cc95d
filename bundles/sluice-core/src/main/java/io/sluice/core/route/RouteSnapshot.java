package io.sluice.core.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One immutable version of the routing table, in the form lookups want: per family, the host
 * keys' table first, then one table per prefix length in use, longest first. A lookup probes them
 * in that order and the first hit is the longest match, host keys beating even full-length
 * prefixes (multi.c {@code multi_get_instance_by_virtual_addr}: the exact address first, then
 * the {@code mroute_helper}'s lengths in descending order). OpenVPN also caches each prefix hit as
 * a host route; a lookup here is cheap enough without.
 *
 * <p>Safe to share between threads once built: every field is final and the arrays are never
 * written after construction.
 */
final class RouteSnapshot {

    /**
     * A key's table: family, host or prefix, and length, as one small number; a table per shape
     * in use. Host keys of a family come before its prefixes, then prefixes from the longest down.
     */
    private static int shape(RouteKey k) {
        return (k.isIpv6() ? 512 : 0) | (k.isHost() ? 256 : 0) | k.bits();
    }

    /** The shapes of one family in lookup order: host keys first, then prefix lengths from the longest. */
    private static int[] lookupOrder(boolean ipv6) {
        int family = ipv6 ? 512 : 0;
        int full = ipv6 ? 128 : 32;
        int[] order = new int[full + 2];
        order[0] = family | 256 | full;
        for (int bits = full; bits >= 0; bits--) {
            order[full + 1 - bits] = family | bits;
        }
        return order;
    }

    private static final int[] IPV4_ORDER = lookupOrder(false);
    private static final int[] IPV6_ORDER = lookupOrder(true);

    private final Ipv4Table[] ipv4;
    private final Ipv6Table[] ipv6;
    private final boolean hasLocal;
    private final int local;

    private RouteSnapshot(Ipv4Table[] ipv4, Ipv6Table[] ipv6, boolean hasLocal, int local) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.hasLocal = hasLocal;
        this.local = local;
    }

    /**
     * Builds the lookup tables: one pass to count keys per shape, one to fill plain arrays. A
     * server rebuilds this at every client's connect and disconnect (copy-on-write), so with
     * thousands of clients it must be linear with a small constant: no sorting, no boxing.
     *
     * @param routes every key and its session
     * @param local  the server's own IPv4 tunnel address, which never routes to a client, or null
     */
    static RouteSnapshot of(Map<RouteKey, ?> routes, RouteKey local) {
        int[] counts = new int[1024];
        for (RouteKey k : routes.keySet()) {
            counts[shape(k)]++;
        }
        int[][] v4Keys = new int[1024][];
        long[][] highs = new long[1024][];
        long[][] lows = new long[1024][];
        Object[][] values = new Object[1024][];
        int[] filled = new int[1024];
        for (Map.Entry<RouteKey, ?> e : routes.entrySet()) {
            RouteKey k = e.getKey();
            int shape = shape(k);
            int i = filled[shape]++;
            if (values[shape] == null) {
                values[shape] = new Object[counts[shape]];
                if (k.isIpv6()) {
                    highs[shape] = new long[counts[shape]];
                    lows[shape] = new long[counts[shape]];
                } else {
                    v4Keys[shape] = new int[counts[shape]];
                }
            }
            values[shape][i] = e.getValue();
            if (k.isIpv6()) {
                highs[shape][i] = k.high();
                lows[shape][i] = k.low();
            } else {
                v4Keys[shape][i] = k.ipv4Value();
            }
        }
        List<Ipv4Table> v4 = new ArrayList<>();
        for (int shape : IPV4_ORDER) {
            if (values[shape] != null) {
                v4.add(new Ipv4Table(RouteKey.ipv4Mask(shape & 255), v4Keys[shape], values[shape]));
            }
        }
        List<Ipv6Table> v6 = new ArrayList<>();
        for (int shape : IPV6_ORDER) {
            if (values[shape] != null) {
                int bits = shape & 255;
                v6.add(new Ipv6Table(RouteKey.highMask(bits), RouteKey.lowMask(bits), highs[shape], lows[shape],
                        values[shape]));
            }
        }
        return new RouteSnapshot(v4.toArray(new Ipv4Table[0]), v6.toArray(new Ipv6Table[0]), local != null,
                local == null ? 0 : local.ipv4Value());
    }

    /** The session owning the longest match for an IPv4 address, or null. */
    Object routeIpv4(int address) {
        if (hasLocal && address == local) {
            return null;
        }
        Ipv4Table[] tables = ipv4;
        for (int i = 0; i < tables.length; i++) {
            Object session = tables[i].get(address);
            if (session != null) {
                return session;
            }
        }
        return null;
    }

    /** The session owning the longest match for an IPv6 address, or null. */
    Object routeIpv6(long high, long low) {
        Ipv6Table[] tables = ipv6;
        for (int i = 0; i < tables.length; i++) {
            Object session = tables[i].get(high, low);
            if (session != null) {
                return session;
            }
        }
        return null;
    }
}
