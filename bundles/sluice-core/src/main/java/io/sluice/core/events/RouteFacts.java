package io.sluice.core.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The routes as scripts are told of them before {@code up} (route.c {@code init_route_list},
 * {@code setenv_routes}, {@code setenv_routes_ipv6}): the {@code route} and {@code route-ipv6}
 * options in effect (configured, then pushed), resolved, numbered from 1 in that order. Routes
 * OpenVPN adds by itself for {@code redirect-gateway} (the host route to the server, 0.0.0.0/1
 * and 128.0.0.0/1) are not listed; the IPv6 ones ({@code ::/3}, {@code 2000::/4},
 * {@code 3000::/4}, {@code fc00::/7}) are, after the others, since OpenVPN adds them to the
 * option list.
 *
 * @param vpnGateway     {@code route_vpn_gateway}: {@code route-gateway}, else the tun peer
 * @param netGateway     {@code route_net_gateway}: the host's default gateway before the tunnel
 * @param ipv4           the IPv4 routes
 * @param netGatewayIpv6 {@code net_gateway_ipv6}: the host's IPv6 default gateway
 * @param ipv6           the IPv6 routes
 */
public record RouteFacts(Optional<Inet4Address> vpnGateway, Optional<Inet4Address> netGateway, List<Ipv4Route> ipv4,
                         Optional<Inet6Address> netGatewayIpv6, List<Ipv6Route> ipv6) {

    /** No route options at all (a server in subnet topology): no route variables. */
    public static final RouteFacts NONE = new RouteFacts(Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), List.of());

    public RouteFacts {
        Objects.requireNonNull(vpnGateway, "vpnGateway");
        Objects.requireNonNull(netGateway, "netGateway");
        ipv4 = List.copyOf(ipv4);
        Objects.requireNonNull(netGatewayIpv6, "netGatewayIpv6");
        ipv6 = List.copyOf(ipv6);
    }

    /**
     * One IPv4 route: {@code route_network_N}, {@code route_netmask_N}, {@code route_gateway_N}
     * and, when a metric was given or {@code route-metric} set, {@code route_metric_N}.
     */
    public record Ipv4Route(Inet4Address network, Inet4Address netmask, Inet4Address gateway, OptionalInt metric) {
        public Ipv4Route {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(netmask, "netmask");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(metric, "metric");
        }
    }

    /**
     * One IPv6 route: {@code route_ipv6_network_N} ({@code network/bits}),
     * {@code route_ipv6_gateway_N} (the {@code ifconfig-ipv6} remote when the route names none) and
     * maybe {@code route_ipv6_metric_N}.
     */
    public record Ipv6Route(Inet6Address network, int prefixLength, Inet6Address gateway, OptionalInt metric) {
        public Ipv6Route {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(metric, "metric");
            if (prefixLength < 0 || prefixLength > 128) {
                throw new IllegalArgumentException("prefix length must be 0..128: " + prefixLength);
            }
        }
    }
}
