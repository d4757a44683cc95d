package io.sluice.api.dns;

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
        StringBuilder sb = new StringBuilder(shortIpv6(address.getAddress()));
        Inet6Address v6 = (Inet6Address) address;
        if (v6.getScopedInterface() != null) {
            sb.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            sb.append('%').append(v6.getScopeId());
        }
        return sb.toString();
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

    /** RFC 5952 section 4: lower case, no leading zeros, the first longest run of 2+ zero groups as "::". */
    private static String shortIpv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                sb.append("::");
                i += runLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
