package io.sluice.tun.linux;

import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The rtnetlink requests behind {@code TunDevice}'s configuration methods and {@code HostRoutes}, built
 * without touching the kernel so that their layout can be tested anywhere. Every change asks for an
 * acknowledgement ({@code NLM_F_ACK}) so that success and failure are both reported; a route lookup
 * is answered with the route itself instead.
 */
final class RtnetlinkRequests {

    private static final int ADD = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
    private static final int CHANGE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;

    private RtnetlinkRequests() {
    }

    /** RTM_NEWLINK on an existing link, changing only IFF_UP ({@code ip link set dev X up/down}). */
    static NetlinkMessage setUp(int ifindex, boolean up) {
        return link(ifindex, up ? LinuxConstants.IFF_UP : 0, LinuxConstants.IFF_UP);
    }

    /** RTM_NEWLINK on an existing link with IFLA_MTU ({@code ip link set dev X mtu N}). */
    static NetlinkMessage setMtu(int ifindex, int mtu) {
        if (mtu <= 0) {
            throw new IllegalArgumentException("mtu must be positive: " + mtu);
        }
        return link(ifindex, 0, 0).attrU32(Netlink.IFLA_MTU, mtu);
    }

    private static NetlinkMessage link(int ifindex, int flags, int change) {
        return new NetlinkMessage(Netlink.RTM_NEWLINK, CHANGE)
                .u8(LinuxConstants.AF_UNSPEC) // ifi_family
                .u8(0)                        // __ifi_pad
                .u16(0)                       // ifi_type: the kernel ignores it on a change
                .u32(ifindex)                 // ifi_index
                .u32(flags)                   // ifi_flags
                .u32(change);                 // ifi_change: which flags to change, the rest stay
    }

    /**
     * RTM_NEWADDR or RTM_DELADDR. IFA_LOCAL is our address; IFA_ADDRESS is the peer on a
     * point-to-point address and our address otherwise, the way the kernel and iproute2 use them. The
     * prefix length belongs to IFA_ADDRESS, so with a peer it is the peer's (32 for net30 and p2p).
     * An IPv4 subnet address of /30 or wider also gets its broadcast address, as ifconfig would set.
     */
    static NetlinkMessage address(boolean add, int ifindex, IfAddress address) {
        InetAddress local = address.local();
        int family = family(local);
        NetlinkMessage m = new NetlinkMessage(add ? Netlink.RTM_NEWADDR : Netlink.RTM_DELADDR, add ? ADD : CHANGE)
                .u8(family)                    // ifa_family
                .u8(address.prefixLength())   // ifa_prefixlen
                .u8(0)                         // ifa_flags
                .u8(Netlink.RT_SCOPE_UNIVERSE) // ifa_scope
                .u32(ifindex);                 // ifa_index
        m.attr(Netlink.IFA_LOCAL, local.getAddress());
        m.attr(Netlink.IFA_ADDRESS, address.peer().orElse(local).getAddress());
        if (add && family == LinuxConstants.AF_INET && address.peer().isEmpty() && address.prefixLength() <= 30) {
            m.attr(Netlink.IFA_BROADCAST, broadcast(local.getAddress(), address.prefixLength()));
        }
        return m;
    }

    /**
     * RTM_NEWROUTE or RTM_DELROUTE in the main table through {@code ifindex}. A route without a gateway
     * is on-link (scope link); metric 0 leaves the kernel's default (0 for IPv4, 1024 for IPv6). A
     * delete matches any protocol, scope and type, like {@code ip route del}.
     */
    static NetlinkMessage route(boolean add, int ifindex, Route route) {
        InetAddress dst = route.network();
        int family = family(dst);
        route.gateway().ifPresent(g -> {
            if (family(g) != family) {
                throw new IllegalArgumentException("gateway " + g.getHostAddress() + " is not of the family of "
                        + dst.getHostAddress());
            }
        });
        int scope;
        if (!add) {
            scope = Netlink.RT_SCOPE_NOWHERE;
        } else if (family == LinuxConstants.AF_INET && route.gateway().isEmpty()) {
            scope = Netlink.RT_SCOPE_LINK;
        } else {
            scope = Netlink.RT_SCOPE_UNIVERSE;
        }
        NetlinkMessage m = new NetlinkMessage(add ? Netlink.RTM_NEWROUTE : Netlink.RTM_DELROUTE, add ? ADD : CHANGE)
                .u8(family)                                 // rtm_family
                .u8(route.prefixLength())                   // rtm_dst_len
                .u8(0)                                      // rtm_src_len
                .u8(0)                                      // rtm_tos
                .u8(Netlink.RT_TABLE_MAIN)                  // rtm_table
                .u8(add ? Netlink.RTPROT_STATIC : 0)        // rtm_protocol
                .u8(scope)                                  // rtm_scope
                .u8(add ? Netlink.RTN_UNICAST : Netlink.RTN_UNSPEC) // rtm_type
                .u32(0);                                    // rtm_flags
        if (route.prefixLength() > 0) {
            m.attr(Netlink.RTA_DST, dst.getAddress()); // a default route has no destination attribute
        }
        m.attrU32(Netlink.RTA_OIF, ifindex);
        route.gateway().ifPresent(g -> m.attr(Netlink.RTA_GATEWAY, g.getAddress()));
        if (route.metric() > 0) {
            m.attrU32(Netlink.RTA_PRIORITY, route.metric());
        }
        return m;
    }

    /**
     * RTM_GETROUTE for one destination, as {@code ip route get A} sends it: a full-length destination
     * prefix and RTA_DST, nothing else, so the kernel picks source, interface and table as it would
     * for a packet this host sends (policy rules included). Without {@code fibMatch} it answers with
     * the route it resolved for A (next hop, device, source address); with it, as for
     * {@code ip route get fibmatch A}, with the table entry that matched (network, prefix, metric).
     * Sent without NLM_F_ACK: the answer is that RTM_NEWROUTE, or an NLMSG_ERROR.
     */
    static NetlinkMessage getRoute(InetAddress destination, boolean fibMatch) {
        byte[] dst = destination.getAddress();
        NetlinkMessage m = new NetlinkMessage(Netlink.RTM_GETROUTE, Netlink.NLM_F_REQUEST)
                .u8(family(destination))                     // rtm_family
                .u8(dst.length * 8)                          // rtm_dst_len: this one address
                .u8(0)                                       // rtm_src_len
                .u8(0)                                       // rtm_tos
                .u8(0)                                       // rtm_table: RT_TABLE_UNSPEC, as the rules say
                .u8(0)                                       // rtm_protocol
                .u8(0)                                       // rtm_scope
                .u8(0)                                       // rtm_type
                .u32(fibMatch ? Netlink.RTM_F_FIB_MATCH : 0); // rtm_flags
        return m.attr(Netlink.RTA_DST, dst);
    }

    static int family(InetAddress a) {
        return a instanceof Inet4Address ? LinuxConstants.AF_INET : LinuxConstants.AF_INET6;
    }

    /** The all-ones host part of {@code address/prefix}. */
    static byte[] broadcast(byte[] address, int prefix) {
        byte[] b = address.clone();
        for (int bit = prefix; bit < b.length * 8; bit++) {
            b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return b;
    }

    /** "10.9.0.1/24", "10.9.0.1 peer 10.9.0.2/32": how error messages name an address. */
    static String describe(IfAddress a) {
        return a.peer().map(p -> a.local().getHostAddress() + " peer " + p.getHostAddress() + "/" + a.prefixLength())
                .orElse(a.local().getHostAddress() + "/" + a.prefixLength());
    }

    /** "10.99.0.0/24 via 10.9.0.2 metric 7": how error messages name a route. */
    static String describe(Route r) {
        return r.network().getHostAddress() + "/" + r.prefixLength()
                + r.gateway().map(g -> " via " + g.getHostAddress()).orElse("")
                + (r.metric() > 0 ? " metric " + r.metric() : "");
    }
}
