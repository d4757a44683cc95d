package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code route network [netmask] [gateway] [metric]}, pushed or configured, before the
 * special words are resolved. An absent part (or {@code default}, which only a configuration file
 * may use) takes OpenVPN's default when planned: netmask 255.255.255.255, gateway the VPN gateway,
 * metric {@code route-metric} (route.c {@code init_route}).
 *
 * @param network the destination, possibly a special word ({@code route remote_host ...})
 * @param netmask the netmask as written; not necessarily contiguous (that is a planning error)
 * @param gateway the gateway, possibly a special word
 * @param metric  the metric, 0 or more
 */
public record RouteIpv4(RouteAddress network, Optional<Inet4Address> netmask, Optional<RouteAddress> gateway,
                        OptionalInt metric) {

    public RouteIpv4 {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(netmask, "netmask");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(metric, "metric");
        if (metric.isPresent() && metric.getAsInt() < 0) {
            throw new IllegalArgumentException("route metric must be >= 0: " + metric.getAsInt());
        }
    }
}
