package io.sluice.core.pushed;

import java.util.Objects;

/** {@code route-gateway}: the VPN gateway for IPv4 routes, or {@code dhcp} (learn it in a TAP tunnel). */
public sealed interface RouteGateway {

    /** {@code route-gateway address}; a special word is allowed, as OpenVPN allows it. */
    record Address(RouteAddress address) implements RouteGateway {
        public Address {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * {@code route-gateway dhcp}: OpenVPN takes the router option from a DHCP reply it sees in a
     * TAP tunnel (forward.c, {@code route_list_add_vpn_gateway}). Until then there is no VPN gateway.
     */
    record Dhcp() implements RouteGateway {
    }
}
