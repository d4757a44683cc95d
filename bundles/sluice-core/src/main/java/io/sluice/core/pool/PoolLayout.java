package io.sluice.core.pool;

import io.sluice.api.pool.AddressRange;
import io.sluice.api.pool.PoolSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of each slot of a pool with an IPv4 part, an IPv6 part, or both.
 *
 * <p>OpenVPN keeps one pool for both families (pool.c {@code ifconfig_pool_init}): slot
 * {@code i} is the {@code i}-th IPv4 address (or /30) and the {@code i}-th IPv6 address, so a
 * client's two addresses always come as a pair, and the smaller part limits the number of
 * clients. Here a {@link PoolSpec}'s IPv4 ranges make the IPv4 part and its IPv6 ranges the IPv6
 * part; the block size applies to IPv4 only. Immutable.
 */
final class PoolLayout {

    private final Ipv4Slots ipv4;
    private final Ipv6Slots ipv6;
    private final int size;

    private PoolLayout(Ipv4Slots ipv4, Ipv6Slots ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        int s = Integer.MAX_VALUE;
        if (ipv4 != null) {
            s = ipv4.size();
        }
        if (ipv6 != null) {
            s = Math.min(s, ipv6.size());
        }
        this.size = s;
    }

    static PoolLayout of(PoolSpec spec) {
        List<AddressRange> v4 = new ArrayList<>();
        List<AddressRange> v6 = new ArrayList<>();
        for (AddressRange r : spec.ranges()) {
            (r.first().getAddress().length == 4 ? v4 : v6).add(r);
        }
        return new PoolLayout(v4.isEmpty() ? null : Ipv4Slots.of(v4, spec.blockSize()),
                v6.isEmpty() ? null : Ipv6Slots.of(v6));
    }

    int size() {
        return size;
    }

    boolean hasIpv4() {
        return ipv4 != null;
    }

    boolean hasIpv6() {
        return ipv6 != null;
    }

    /** True in {@code topology net30}: each slot is a /30 whose server side is the peer. */
    boolean perClientSubnet() {
        return ipv4 != null && ipv4.perClientSubnet();
    }

    Optional<InetAddress> ipv4Client(int slot) {
        return ipv4 == null ? Optional.empty() : Optional.of(InetAddresses.ipv4(ipv4.client(slot)));
    }

    Optional<InetAddress> ipv4Peer(int slot) {
        return perClientSubnet() ? Optional.of(InetAddresses.ipv4(ipv4.peer(slot))) : Optional.empty();
    }

    Optional<InetAddress> ipv6(int slot) {
        return ipv6 == null ? Optional.empty() : Optional.of(InetAddresses.ipv6(ipv6.address(slot)));
    }

    /** What the persist file holds for a slot's IPv4 part (pool.c {@code ifconfig_pool_handle_to_ip_base}). */
    int ipv4Base(int slot) {
        return ipv4.base(slot);
    }

    byte[] ipv6Address(int slot) {
        return ipv6.address(slot);
    }

    /** The slot of an IPv4 address (any in the /30 for net30), or -1 if it is not in the pool. */
    int slotOfIpv4(int address) {
        if (ipv4 == null) {
            return -1;
        }
        int slot = ipv4.slotOf(address);
        return slot < size ? slot : -1;
    }

    /** The slot of an IPv6 address, or -1 if it is not in the pool. */
    int slotOfIpv6(byte[] address) {
        if (ipv6 == null) {
            return -1;
        }
        int slot = ipv6.slotOf(address);
        return slot < size ? slot : -1;
    }

    /** The slot of an address of either family, or -1. */
    int slotOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return slotOfIpv4((int) Ipv4Slots.toUnsigned(b));
        }
        return b.length == 16 ? slotOfIpv6(b) : -1;
    }
}
