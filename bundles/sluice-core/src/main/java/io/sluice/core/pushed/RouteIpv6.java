package io.sluice.core.pushed;

import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code route-ipv6 network/bits [gateway] [metric]}, pushed or configured. Without a gateway
 * the {@code route-ipv6-gateway} or the {@code ifconfig-ipv6} remote is used where one is needed
 * (route.c {@code init_route_ipv6}).
 *
 * @param network      the destination as written; host bits are cleared when planned, as
 *                     route.c {@code route_ipv6_clear_host_bits} does
 * @param prefixLength 0..128; 64 when the option gave none
 */
public record RouteIpv6(Inet6Address network, int prefixLength, Optional<Inet6Address> gateway, OptionalInt metric) {

    public RouteIpv6 {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(metric, "metric");
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128: " + prefixLength);
        }
        if (metric.isPresent() && metric.getAsInt() < 0) {
            throw new IllegalArgumentException("route metric must be >= 0: " + metric.getAsInt());
        }
    }
}
