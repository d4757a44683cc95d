package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * {@code ifconfig local netmask-or-remote}: the second address is the netmask in {@code topology
 * subnet} and on TAP, and the peer's address in {@code net30} and {@code p2p} (tun.c {@code init_tun}).
 */
public record IfconfigIpv4(Inet4Address local, Inet4Address netmaskOrRemote) {

    public IfconfigIpv4 {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(netmaskOrRemote, "netmaskOrRemote");
    }
}
