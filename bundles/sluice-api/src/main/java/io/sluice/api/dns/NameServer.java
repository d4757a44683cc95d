package io.sluice.api.dns;

import io.sluice.api.transport.SocketAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One DNS server the tunnel offers: an IPv4 or IPv6 address and a port ({@value #DEFAULT_PORT}
 * unless the 2.6 {@code dns server N address addr:port} named another).
 *
 * @param address a unicast address: not multicast, not {@code 0.0.0.0} or {@code ::}. An IPv6
 *                address may carry a scope ({@code fe80::53%tun0})
 * @param port    1..65535
 */
public record NameServer(InetAddress address, int port) {

    /** The DNS port, which {@code dhcp-option DNS} and a {@code dns server} address without port mean. */
    public static final int DEFAULT_PORT = 53;

    public NameServer {
        Objects.requireNonNull(address, "address");
        if (address.isMulticastAddress() || address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("not a unicast address: " + address.getHostAddress());
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** A server on the default port 53. */
    public static NameServer of(InetAddress address) {
        return new NameServer(address, DEFAULT_PORT);
    }

    /** True if the port is 53, the only one {@code resolv.conf} can use. */
    public boolean defaultPort() {
        return port == DEFAULT_PORT;
    }

    /**
     * The address as resolvers write it: dotted IPv4, IPv6 in its shortest form (RFC 5952:
     * {@code fd00::53}, not {@code fd00:0:0:0:0:0:0:53}), with {@code %scope} if it has one.
     */
    public String addressText() {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        return SocketAddresses.compress((Inet6Address) address);
    }

    /**
     * The server as systemd-resolved and OpenVPN write it: {@link #addressText()} alone on port 53,
     * otherwise {@code 198.18.0.53:5353} or {@code [fd00::53]:5353}.
     */
    @Override
    public String toString() {
        if (defaultPort()) {
            return addressText();
        }
        return (address instanceof Inet4Address ? addressText() : "[" + addressText() + "]") + ":" + port;
    }
}
