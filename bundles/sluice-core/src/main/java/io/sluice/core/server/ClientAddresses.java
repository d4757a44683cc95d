package io.sluice.core.server;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * The tunnel addresses one client got, from the pool or its client-config-dir file.
 *
 * @param ipv4     the client's IPv4 address
 * @param ipv4Peer the second {@code ifconfig} argument pushed to it: the netmask (subnet
 *                 topology) or the server side of its /30 (net30) or the server (p2p)
 * @param ipv6     the client's IPv6 address
 * @param fixed    whether they came from client-config-dir (not to be returned to the pool)
 */
public record ClientAddresses(Optional<Inet4Address> ipv4, Optional<Inet4Address> ipv4Peer,
                              Optional<Inet6Address> ipv6, boolean fixed) {

    public ClientAddresses {
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv4Peer, "ipv4Peer");
        Objects.requireNonNull(ipv6, "ipv6");
    }
}
