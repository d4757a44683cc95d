package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client's host looked like when the connection was made, as OpenVPN learns it
 * (socket.c {@code link_socket_current_remote}, route.c {@code get_default_gateway},
 * {@code get_default_gateway_ipv6}, {@code get_bypass_addresses}). The caller asks the OS; planning
 * only computes.
 *
 * @param server             the server's address as actually connected (one of a name's addresses)
 * @param ipv4Gateway        the IPv4 default route, empty if there is none
 * @param ipv6Gateway        the best IPv6 route to {@code server}; only used when {@code server} is
 *                           IPv6, may be empty otherwise
 * @param adapterDhcpServers for {@code bypass-dhcp}: the DHCP server of the default route's
 *                           adapter if it is not on a local subnet. OpenVPN 2.6 finds one only on
 *                           Windows; elsewhere pass none and nothing is bypassed, as there.
 * @param adapterDnsServers  for {@code bypass-dns}: likewise, the adapter's non-local DNS servers
 */
public record RoutingFacts(InetAddress server, Optional<NetGateway> ipv4Gateway, Optional<NetGateway> ipv6Gateway,
                           List<Inet4Address> adapterDhcpServers, List<Inet4Address> adapterDnsServers) {

    public RoutingFacts {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ipv4Gateway, "ipv4Gateway");
        Objects.requireNonNull(ipv6Gateway, "ipv6Gateway");
        adapterDhcpServers = List.copyOf(adapterDhcpServers);
        adapterDnsServers = List.copyOf(adapterDnsServers);
        ipv4Gateway.flatMap(NetGateway::gateway).ifPresent(g -> {
            if (!(g instanceof Inet4Address)) {
                throw new IllegalArgumentException("the IPv4 gateway is not an IPv4 address: " + g);
            }
        });
        ipv6Gateway.flatMap(NetGateway::gateway).ifPresent(g -> {
            if (!(g instanceof Inet6Address)) {
                throw new IllegalArgumentException("the IPv6 gateway is not an IPv6 address: " + g);
            }
        });
    }

    /** A server and the gateways, as on Linux (no bypass addresses). */
    public static RoutingFacts of(InetAddress server, Optional<NetGateway> ipv4Gateway,
                                  Optional<NetGateway> ipv6Gateway) {
        return new RoutingFacts(server, ipv4Gateway, ipv6Gateway, List.of(), List.of());
    }
}
