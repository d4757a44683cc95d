package io.sluice.core.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * The tunnel addresses a server gave one client, as its scripts see them (multi.c
 * {@code multi_set_virtual_addr_env}).
 *
 * @param ipv4          {@code ifconfig_pool_remote_ip}: the client's address
 * @param ipv4Peer      the second {@code ifconfig-push} value: {@code ifconfig_pool_netmask} in
 *                      subnet topology and on tap, {@code ifconfig_pool_local_ip} (the server end)
 *                      in net30 and p2p
 * @param peerIsNetmask whether {@code ipv4Peer} is a netmask
 * @param ipv6          {@code ifconfig_pool_remote_ip6}: the client's IPv6 address
 * @param ipv6Local     {@code ifconfig_pool_local_ip6}: the server's end
 * @param ipv6Bits      {@code ifconfig_pool_ip6_netbits}
 */
public record PoolAddresses(Optional<Inet4Address> ipv4, Optional<Inet4Address> ipv4Peer, boolean peerIsNetmask,
                            Optional<Inet6Address> ipv6, Optional<Inet6Address> ipv6Local, int ipv6Bits) {

    /** No tunnel address (a client without one). */
    public static final PoolAddresses NONE = new PoolAddresses(Optional.empty(), Optional.empty(), true,
            Optional.empty(), Optional.empty(), 0);

    public PoolAddresses {
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv4Peer, "ipv4Peer");
        Objects.requireNonNull(ipv6, "ipv6");
        Objects.requireNonNull(ipv6Local, "ipv6Local");
    }
}
