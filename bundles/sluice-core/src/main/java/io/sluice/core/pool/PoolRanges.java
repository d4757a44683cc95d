package io.sluice.core.pool;

import io.sluice.api.pool.AddressRange;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Pool ranges from OpenVPN's options, for building a {@link io.sluice.api.pool.PoolSpec}.
 *
 * <p>{@code ifconfig-pool start end} is already a range. {@code ifconfig-ipv6-pool base/bits}
 * (which {@code server-ipv6} also sets) is not: pool.c {@code ifconfig_pool_init} derives the
 * addresses from the base and the prefix length, which {@link #ipv6Pool} reproduces.
 */
public final class PoolRanges {

    /** options.c {@code ifconfig-ipv6-pool}: the narrowest prefix length accepted. */
    public static final int IPV6_MIN_BITS = 64;
    /** options.c {@code ifconfig-ipv6-pool}: the widest prefix length accepted. */
    public static final int IPV6_MAX_BITS = 124;
    /** pool.c {@code ifconfig_pool_init}: prefixes this long or longer are sized by their host part. */
    static final int IPV6_SIZED_BY_PREFIX_BITS = 112;

    private PoolRanges() {
    }

    /**
     * The addresses of {@code ifconfig-ipv6-pool base/bits} as OpenVPN 2.6 hands them out.
     *
     * <p>The pool starts at {@code base}, except that a base whose host part (OpenVPN looks only at
     * the last 32 bits) is zero starts one higher, since the subnet's all-zero address is its
     * router anycast address. A prefix of /112 or longer ends at the subnet's last address; a
     * wider one holds {@value Ipv6Slots#MAX_SLOTS} addresses. (OpenVPN would let that count run
     * past the end of the subnet when the base sits near its end; here the range stops at the
     * subnet's end.)
     *
     * @throws IllegalArgumentException if {@code base} is not IPv6, {@code bits} is outside
     *                                  {@value #IPV6_MIN_BITS}..{@value #IPV6_MAX_BITS}, or the
     *                                  pool would hold fewer than two addresses
     */
    public static AddressRange ipv6Pool(InetAddress base, int bits) {
        Objects.requireNonNull(base, "base");
        if (!(base instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IPv6 address: " + base.getHostAddress());
        }
        if (bits < IPV6_MIN_BITS || bits > IPV6_MAX_BITS) {
            throw new IllegalArgumentException("an IPv6 pool's prefix must be between /" + IPV6_MIN_BITS + " and /"
                    + IPV6_MAX_BITS + ", not /" + bits);
        }
        byte[] first = base.getAddress();
        int hostBits = 128 - bits;
        long low32 = Ipv4Slots.toUnsigned(new byte[] {first[12], first[13], first[14], first[15]});
        if (hostBits < 32) {
            low32 &= (1L << hostBits) - 1;
        }
        if (low32 == 0) {
            // The host part's lowest bit is zero, so this cannot carry.
            first[15]++;
            low32++;
        }
        long size = bits >= IPV6_SIZED_BY_PREFIX_BITS ? (1L << hostBits) - low32 : Ipv6Slots.MAX_SLOTS;
        if (size < Ipv4Slots.MIN_SLOTS) {
            throw new IllegalArgumentException("IPv6 pool size is too small (" + size + "), must be at least "
                    + Ipv4Slots.MIN_SLOTS);
        }
        long high = Ipv6Slots.word(first, 0);
        long low = Ipv6Slots.word(first, 8);
        // Host bits are all in the low word (bits >= 64).
        long subnetEndLow = hostBits == 64 ? -1L : low | ((1L << hostBits) - 1);
        long lastLow = low + size - 1;
        if (Long.compareUnsigned(lastLow, low) < 0 || Long.compareUnsigned(lastLow, subnetEndLow) > 0) {
            lastLow = subnetEndLow;
        }
        byte[] last = new byte[16];
        Ipv6Slots.put(last, 0, high);
        Ipv6Slots.put(last, 8, lastLow);
        if (Long.compareUnsigned(lastLow, low) == 0) {
            throw new IllegalArgumentException("IPv6 pool size is too small (1), must be at least "
                    + Ipv4Slots.MIN_SLOTS);
        }
        return new AddressRange(InetAddresses.ipv6(first), InetAddresses.ipv6(last));
    }
}
