package io.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * Tunnel addressing and routing after the {@code server}, {@code server-ipv6},
 * {@code server-bridge} and {@code keepalive} helpers have been expanded as OpenVPN expands them.
 * {@code push} lists explicit pushes first, then what the helpers push, in OpenVPN's order.
 *
 * @param ifconfigIpv6 local IPv6 address with prefix, e.g. {@code 2001:db8::1/64}
 * @param ifconfigIpv6Remote the IPv6 peer address
 * @param ifconfigIpv6Pool the IPv6 pool base with prefix
 * @param redirectGateway the flags of {@code redirect-gateway}/{@code redirect-private} if present
 */
public record Network(Topology topology, Optional<Ifconfig> ifconfig, Optional<IfconfigPool> ifconfigPool,
                      Optional<String> ifconfigIpv6, Optional<String> ifconfigIpv6Remote,
                      Optional<String> ifconfigIpv6Pool, List<Route> routes, List<RouteIpv6> routesIpv6,
                      Optional<String> routeGateway, List<String> push, Optional<List<String>> redirectGateway) {

    public Network {
        routes = List.copyOf(routes);
        routesIpv6 = List.copyOf(routesIpv6);
        push = List.copyOf(push);
        redirectGateway = redirectGateway.map(List::copyOf);
    }
}
