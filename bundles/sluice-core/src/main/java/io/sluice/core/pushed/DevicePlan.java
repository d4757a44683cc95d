package io.sluice.core.pushed;

import io.sluice.api.tun.IfAddress;
import io.sluice.config.Topology;
import java.util.List;
import java.util.Objects;

/**
 * How to set up the tunnel device once the push is in (tun.c {@code do_ifconfig} on Linux): the MTU,
 * the link up, then the addresses.
 *
 * @param configure whether to touch the device at all: false with {@code ifconfig-noexec}, which
 *                  leaves addresses and MTU to the user's scripts (the addresses are still listed)
 * @param mtu       the device MTU, which is also the data channel's tun MTU
 * @param addresses IPv4 then IPv6: {@code local/prefix} for subnet topology and TAP, or
 *                  {@code local/32} with the peer for net30 and p2p; IPv6 always {@code local/bits}
 *                  without a peer (Linux {@code net_addr_v6_add})
 * @param topology  the topology in effect (pushed, else configured)
 */
public record DevicePlan(boolean configure, int mtu, List<IfAddress> addresses, Topology topology) {

    public DevicePlan {
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(topology, "topology");
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("mtu out of range 68..65535: " + mtu);
        }
    }
}
