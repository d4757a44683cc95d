package io.sluice.core.pushed;

import io.sluice.api.tun.DeviceType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPv6 half of the plan: init.c {@code do_init_route_ipv6_list}, route.c
 * {@code init_route_ipv6_list}, {@code init_route_ipv6} and Linux {@code add_route_ipv6}.
 *
 * <p>{@code redirect-gateway ipv6} adds ::/3, 2000::/4, 3000::/4 and fc00::/7 after the other
 * routes: together they cover the global unicast and unique local space without replacing the
 * default route. When the server itself is reached over IPv6 and one of the routes covers its
 * address, a /128 host route to it through the original route comes first, with metric 1.
 */
final class Ipv6Routes {

    /** init.c: the routes that stand in for the default route with {@code redirect-gateway ipv6}. */
    static final List<String> REDIRECT_ROUTES = List.of("::/3", "2000::/4", "3000::/4", "fc00::/7");

    /** route.c: the metric of the host route to an IPv6 server. */
    static final int SERVER_ROUTE_METRIC = 1;

    private final Optional<Inet6Address> vpnGateway;
    private final int defaultMetric;
    private final Optional<Inet6Address> remoteHost;
    private final Optional<NetGateway> net;
    private final DeviceType deviceType;
    private final List<String> warnings;

    /**
     * @param vpnGateway    {@code route-ipv6-gateway}, else the {@code ifconfig-ipv6} remote
     * @param defaultMetric {@code route-metric}, 0 for none
     */
    Ipv6Routes(Optional<Inet6Address> vpnGateway, int defaultMetric, RoutingFacts facts, DeviceType deviceType,
               List<String> warnings) {
        this.vpnGateway = vpnGateway;
        this.defaultMetric = defaultMetric;
        this.remoteHost = facts.server() instanceof Inet6Address a ? Optional.of(a) : Optional.empty();
        this.net = facts.ipv6Gateway();
        this.deviceType = deviceType;
        this.warnings = warnings;
    }

    /** The routes to add, in order; {@code redirect} adds the four redirect routes last. */
    List<RouteStep> steps(List<RouteIpv6> configured, boolean redirect) {
        List<RouteIpv6> all = new ArrayList<>(configured);
        if (redirect) {
            for (String r : REDIRECT_ROUTES) {
                AddressWords.Ipv6Prefix p = AddressWords.ipv6Prefix(r).orElseThrow();
                all.add(new RouteIpv6(p.address(), p.prefixLength(), Optional.empty(), java.util.OptionalInt.empty()));
            }
        }
        List<RouteStep> steps = new ArrayList<>();
        boolean coversServer = false;
        for (RouteIpv6 r : all) {
            coversServer |= remoteHost.filter(h -> covers(r.network(), r.prefixLength(), h)).isPresent();
            route(r).ifPresent(p -> steps.add(RouteStep.add(p)));
        }
        if (coversServer) {
            // route.c needs both the gateway (or on-link) and the interface of the route to the server.
            if (net.isPresent()) {
                steps.add(0, RouteStep.add(PlannedRoute.outside(remoteHost.get(), 128, net.get(), SERVER_ROUTE_METRIC)));
            } else {
                warnings.add("ROUTE6: IPv6 route overlaps with IPv6 remote address, but could not determine IPv6 "
                        + "gateway address + interface, expect failure");
            }
        }
        return steps;
    }

    private Optional<PlannedRoute> route(RouteIpv6 r) {
        Optional<Inet6Address> gateway = r.gateway().or(() -> vpnGateway);
        int metric = r.metric().orElse(defaultMetric);
        byte[] network = clearHostBits(r.network().getAddress(), r.prefixLength());
        // A TUN device needs no next hop; TAP does, unless the route is on-link (metric 0 given).
        boolean gatewayNeeded = deviceType == DeviceType.TAP && !(r.metric().isPresent() && r.metric().getAsInt() == 0);
        if (gatewayNeeded && gateway.isEmpty()) {
            warnings.add("ROUTE6 WARNING: OpenVPN needs a gateway parameter for a --route-ipv6 option and no default "
                    + "was set via --ifconfig-ipv6 or --route-ipv6-gateway option.  Not installing IPv6 route to "
                    + io.sluice.core.pool.AddressText.formatIpv6(network) + "/" + r.prefixLength() + ".");
            return Optional.empty();
        }
        Optional<InetAddress> gw = gatewayNeeded ? gateway.map(InetAddress.class::cast) : Optional.empty();
        return Optional.of(PlannedRoute.tunnel(AddressWords.ipv6(network), r.prefixLength(), gw, metric));
    }

    /** route.c {@code route_ipv6_match_host}. */
    static boolean covers(Inet6Address network, int bits, Inet6Address host) {
        byte[] n = network.getAddress();
        byte[] h = host.getAddress();
        int i = 0;
        for (; bits >= 8; i++, bits -= 8) {
            if (n[i] != h[i]) {
                return false;
            }
        }
        if (bits == 0) {
            return true;
        }
        int mask = (0xff << (8 - bits)) & 0xff;
        return (n[i] & mask) == (h[i] & mask);
    }

    /** route.c {@code route_ipv6_clear_host_bits}. */
    static byte[] clearHostBits(byte[] address, int bits) {
        byte[] out = address.clone();
        for (int i = 0; i < 16; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }
}
