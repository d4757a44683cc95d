package io.sluice.core.events;

import io.sluice.api.tun.DeviceType;
import io.sluice.config.Topology;
import io.sluice.core.pushed.IfconfigIpv4;
import io.sluice.core.pushed.IfconfigIpv6;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * The tunnel device as scripts are told of it (tun.c {@code do_ifconfig_setenv}, init.c
 * {@code run_up_down}): its name, type, MTU and the addresses it was given.
 *
 * @param name            the device's actual name ({@code tun0})
 * @param type            tun or tap
 * @param topology        the topology in effect; with tun, anything but subnet is point-to-point
 * @param mtu             the tun MTU
 * @param local           the first {@code ifconfig} argument
 * @param remoteOrNetmask the second: the peer (tun, net30/p2p) or the netmask (subnet, tap)
 * @param localIpv6       the {@code ifconfig-ipv6} address
 * @param ipv6Bits        its prefix length (ignored without an IPv6 address)
 * @param remoteIpv6      the {@code ifconfig-ipv6} remote
 */
public record DeviceFacts(String name, DeviceType type, Topology topology, int mtu, Optional<Inet4Address> local,
                          Optional<Inet4Address> remoteOrNetmask, Optional<Inet6Address> localIpv6, int ipv6Bits,
                          Optional<Inet6Address> remoteIpv6) {

    public DeviceFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remoteOrNetmask, "remoteOrNetmask");
        Objects.requireNonNull(localIpv6, "localIpv6");
        Objects.requireNonNull(remoteIpv6, "remoteIpv6");
        if (local.isPresent() != remoteOrNetmask.isPresent()) {
            throw new IllegalArgumentException("ifconfig has both addresses or neither");
        }
    }

    /** From the addresses in effect (pushed, else configured), as the client plans them. */
    public static DeviceFacts of(String name, DeviceType type, Topology topology, int mtu,
                                 Optional<IfconfigIpv4> ifconfig, Optional<IfconfigIpv6> ifconfigIpv6) {
        return new DeviceFacts(name, type, topology, mtu, ifconfig.map(IfconfigIpv4::local),
                ifconfig.map(IfconfigIpv4::netmaskOrRemote), ifconfigIpv6.map(IfconfigIpv6::local),
                ifconfigIpv6.map(IfconfigIpv6::prefixLength).orElse(0), ifconfigIpv6.map(IfconfigIpv6::remote));
    }

    /** tun.c {@code is_tun_p2p}: the second address is the peer, not a netmask. */
    public boolean pointToPoint() {
        return type == DeviceType.TUN && topology != Topology.SUBNET;
    }
}
