package io.sluice.itests.net;

import java.net.Inet4Address;
import java.net.Inet6Address;

/**
 * One end of a veth link: the namespace it lives in, its interface name there and its underlay
 * addresses (from 198.18.0.0/15 and fd18::/16).
 */
public record LinkEnd(Ns ns, String iface, Inet4Address ipv4, Inet6Address ipv6) {

    /** The IPv4 address as text, e.g. {@code 198.18.0.1}. */
    public String v4() {
        return ipv4.getHostAddress();
    }

    /** The IPv6 address as text, compressed, e.g. {@code fd18:0:0:1::1}. */
    public String v6() {
        return Link.compress(ipv6);
    }
}
