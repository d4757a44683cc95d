package io.sluice.core.route;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of the routing table, in the form lookups want: per family, the host
 * keys' table first, then one table per prefix length in use, longest first. A lookup probes them
 * in that order and the first hit is the longest match, host keys beating even full-length
 * prefixes (multi.c {@code multi_get_instance_by_virtual_addr}: the exact address first, then
 * the {@code mroute_helper}'s lengths in descending order). OpenVPN also caches each prefix hit as
 * a host route; a lookup here is cheap enough without.
 *
 * <p>A change makes a new snapshot from the old one ({@link #apply}); the {@link PrefixTable}s are
 * persistent, so the new snapshot shares everything the change did not touch and costs O(√n) per
 * changed key, not a rebuild of the whole table.
 *
 * <p>Safe to share between threads once built: every field is final and the arrays are never
 * written after construction.
 */
final class RouteSnapshot {

    private static final int IPV4_SHAPES = 32 + 2;
    private static final int IPV6_SHAPES = 128 + 2;

    /** Per family, every shape's table in lookup order (host keys, then /full down to /0); null if empty. */
    private final PrefixTable[] ipv4ByShape;
    private final PrefixTable[] ipv6ByShape;
    /** The same without the empty ones: what a lookup walks. */
    private final PrefixTable[] ipv4;
    private final PrefixTable[] ipv6;
    private final boolean hasLocal;
    private final int local;

    private RouteSnapshot(PrefixTable[] ipv4ByShape, PrefixTable[] ipv6ByShape, boolean hasLocal, int local) {
        this.ipv4ByShape = ipv4ByShape;
        this.ipv6ByShape = ipv6ByShape;
        this.ipv4 = inUse(ipv4ByShape);
        this.ipv6 = inUse(ipv6ByShape);
        this.hasLocal = hasLocal;
        this.local = local;
    }

    /**
     * A table with no routes.
     *
     * @param local the server's own IPv4 tunnel address, which never routes to a client, or null
     */
    static RouteSnapshot empty(RouteKey local) {
        return new RouteSnapshot(new PrefixTable[IPV4_SHAPES], new PrefixTable[IPV6_SHAPES], local != null,
                local == null ? 0 : local.ipv4Value());
    }

    /** This table with the changes made, in order: a delete removes its key, an add or update maps it to its session. */
    RouteSnapshot apply(List<? extends RouteChange<?>> changes) {
        PrefixTable[] v4 = ipv4ByShape.clone();
        PrefixTable[] v6 = ipv6ByShape.clone();
        for (RouteChange<?> change : changes) {
            RouteKey key = change.key();
            PrefixTable[] tables = key.isIpv6() ? v6 : v4;
            int position = position(key);
            PrefixTable table = tables[position];
            if (change.kind() == RouteChange.Kind.DELETE) {
                if (table != null) {
                    table = table.without(key.high(), key.low());
                    tables[position] = table.size() == 0 ? null : table;
                }
            } else {
                if (table == null) {
                    table = emptyTable(key);
                }
                tables[position] = table.with(key.high(), key.low(), Objects.requireNonNull(change.session()));
            }
        }
        return new RouteSnapshot(v4, v6, hasLocal, local);
    }

    /** Where a key's table stands in its family's lookup order. */
    private static int position(RouteKey key) {
        int full = key.isIpv6() ? 128 : 32;
        return key.isHost() ? 0 : full + 1 - key.bits();
    }

    private static PrefixTable emptyTable(RouteKey key) {
        if (key.isIpv6()) {
            return PrefixTable.empty(RouteKey.highMask(key.bits()), RouteKey.lowMask(key.bits()));
        }
        return PrefixTable.empty(0, RouteKey.ipv4Mask(key.bits()) & 0xffff_ffffL);
    }

    private static PrefixTable[] inUse(PrefixTable[] byShape) {
        return Arrays.stream(byShape).filter(Objects::nonNull).toArray(PrefixTable[]::new);
    }

    /** The session owning the longest match for an IPv4 address, or null. */
    Object routeIpv4(int address) {
        if (hasLocal && address == local) {
            return null;
        }
        long low = address & 0xffff_ffffL;
        PrefixTable[] tables = ipv4;
        for (int i = 0; i < tables.length; i++) {
            Object session = tables[i].get(0, low);
            if (session != null) {
                return session;
            }
        }
        return null;
    }

    /** The session owning the longest match for an IPv6 address, or null. */
    Object routeIpv6(long high, long low) {
        PrefixTable[] tables = ipv6;
        for (int i = 0; i < tables.length; i++) {
            Object session = tables[i].get(high, low);
            if (session != null) {
                return session;
            }
        }
        return null;
    }
}
