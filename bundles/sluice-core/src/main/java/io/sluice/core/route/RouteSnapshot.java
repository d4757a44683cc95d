package io.sluice.core.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Host keys first, then prefixes from the longest down. */
    private static final Comparator<RouteKey> ORDER = Comparator.comparing(RouteKey::isHost).reversed()
            .thenComparing(Comparator.comparingInt(RouteKey::bits).reversed());

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
     * @param routes every key and its session
     * @param local  the server's own IPv4 tunnel address, which never routes to a client, or null
     */
    static RouteSnapshot of(Map<RouteKey, ?> routes, RouteKey local) {
        Map<RouteKey, List<Map.Entry<RouteKey, ?>>> groups = new TreeMap<>(
                Comparator.comparing(RouteKey::isIpv6).thenComparing(ORDER));
        for (Map.Entry<RouteKey, ?> e : routes.entrySet()) {
            RouteKey k = e.getKey();
            // Group representative: same family, kind and length.
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
        }
        List<Ipv4Table> v4 = new ArrayList<>();
        List<Ipv6Table> v6 = new ArrayList<>();
        for (Map.Entry<RouteKey, List<Map.Entry<RouteKey, ?>>> g : groups.entrySet()) {
            RouteKey shape = g.getKey();
            List<Map.Entry<RouteKey, ?>> entries = g.getValue();
            Object[] values = new Object[entries.size()];
            if (!shape.isIpv6()) {
                int[] keys = new int[entries.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = entries.get(i).getKey().ipv4Value();
                    values[i] = entries.get(i).getValue();
                }
                v4.add(new Ipv4Table(RouteKey.ipv4Mask(shape.bits()), keys, values));
            } else {
                long[] highs = new long[entries.size()];
                long[] lows = new long[entries.size()];
                for (int i = 0; i < highs.length; i++) {
                    highs[i] = entries.get(i).getKey().high();
                    lows[i] = entries.get(i).getKey().low();
                    values[i] = entries.get(i).getValue();
                }
                v6.add(new Ipv6Table(RouteKey.highMask(shape.bits()), RouteKey.lowMask(shape.bits()), highs, lows,
                        values));
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
