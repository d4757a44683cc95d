package io.sluice.api.tun;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How the host reaches one address right now, as the kernel decided it for a packet to
 * {@code destination}: the route that matched, its next hop and the interface it leaves by. This is
 * what OpenVPN calls the "net gateway" of the VPN server: the path to keep the server on once
 * {@code redirect-gateway} has pointed everything else into the tunnel.
 *
 * @param destination  the address that was looked up
 * @param network      the network of the route that matched ({@code 0.0.0.0} or {@code ::} for a
 *                     default route); {@code destination} lies inside {@code network/prefixLength}
 * @param prefixLength the prefix length of the route that matched (0 for a default route, 32 or
 *                     128 for a host route)
 * @param gateway      the next hop, or empty if {@code destination} is on-link (directly connected,
 *                     or behind a point-to-point device). Usually of the destination's family; an
 *                     IPv4 route may have an IPv6 next hop (RFC 5549, {@code via inet6})
 * @param device       the name of the interface packets leave by ({@code eth0}; {@code lo} for an
 *                     address of this host)
 * @param deviceIndex  that interface's index, positive
 * @param source       the source address the host would use, if it chose one
 * @param metric       the metric (priority) of the route that matched, an unsigned 32-bit number;
 *                     0 if the route has none
 */
public record RouteVia(InetAddress destination, InetAddress network, int prefixLength, Optional<InetAddress> gateway,
        String device, int deviceIndex, Optional<InetAddress> source, long metric) {

    /** Metrics are u32 in every OS routing table Sluice drives (linux/rtnetlink.h RTA_PRIORITY). */
    public static final long MAX_METRIC = 0xFFFF_FFFFL;

    public RouteVia {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
        int bits = destination.getAddress().length * 8;
        if (network.getAddress().length * 8 != bits) {
            throw new IllegalArgumentException("network and destination are of different families");
        }
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length out of range 0.." + bits + ": " + prefixLength);
        }
        if (!samePrefix(destination.getAddress(), network.getAddress(), prefixLength)) {
            throw new IllegalArgumentException(destination.getHostAddress() + " is not inside "
                    + network.getHostAddress() + "/" + prefixLength);
        }
        source.ifPresent(s -> {
            if (s.getAddress().length * 8 != bits) {
                throw new IllegalArgumentException("source and destination are of different families");
            }
        });
        // The kernel's limit (IFNAMSIZ - 1); the name is only ever reported, so no further rules.
        if (device.isEmpty() || device.length() > 15) {
            throw new IllegalArgumentException("not a device name: '" + device + "'");
        }
        if (deviceIndex <= 0) {
            throw new IllegalArgumentException("device index must be positive: " + deviceIndex);
        }
        if (metric < 0 || metric > MAX_METRIC) {
            throw new IllegalArgumentException("metric out of range 0.." + MAX_METRIC + ": " + metric);
        }
    }

    /** True if {@code destination} is reached without a gateway (directly connected or point-to-point). */
    public boolean onLink() {
        return gateway.isEmpty();
    }

    /**
     * The host route ({@code /32} or {@code /128}) that keeps {@code destination} on this path: via
     * the same gateway, or on-link if there is none, with metric 0 (the OS default). Add it with
     * {@link HostRoutes#add(Route, String)} on {@link #device()}; OpenVPN's {@code redirect-gateway}
     * adds exactly this for the VPN server.
     */
    public Route hostRoute() {
        return new Route(destination, destination instanceof Inet4Address ? 32 : 128, gateway, 0);
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefixLength) {
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
