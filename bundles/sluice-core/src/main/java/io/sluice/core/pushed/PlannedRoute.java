package io.sluice.core.pushed;

import io.sluice.api.tun.Route;
import io.sluice.core.pool.AddressText;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route to add or delete, as OpenVPN 2.6 on Linux hands it to the kernel (route.c
 * {@code add_route}, {@code add_route_ipv6}).
 *
 * @param network      the destination, host bits clear
 * @param prefixLength the destination's prefix length
 * @param gateway      the next hop; IPv4 routes into the tunnel have one (the VPN gateway), IPv6
 *                     routes on a TUN device none
 * @param via          which device the route uses
 * @param device       the device for {@link Via#ORIGINAL_GATEWAY} ({@link NetGateway#device()});
 *                     empty otherwise
 * @param metric       0 for the system's default (OpenVPN sets a metric only when it is above 0;
 *                     Linux then uses 0 for IPv4 and 1024 for IPv6)
 */
public record PlannedRoute(InetAddress network, int prefixLength, Optional<InetAddress> gateway, Via via,
                           Optional<String> device, int metric) {

    /** Which device a route uses. */
    public enum Via {
        /** The tunnel device ({@code TunDevice.addRoute}). */
        TUNNEL,
        /**
         * The device of the route the system used before the tunnel ({@link RoutingFacts}): the
         * host route to the server, bypass routes, and routes whose gateway is {@code net_gateway}.
         */
        ORIGINAL_GATEWAY,
        /**
         * Whichever device reaches {@link #gateway()}: a configured or pushed route through some
         * other gateway, for which OpenVPN names no device either.
         */
        GATEWAY
    }

    public PlannedRoute {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(device, "device");
        int max = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length out of range 0.." + max + ": " + prefixLength);
        }
        if (metric < 0) {
            throw new IllegalArgumentException("metric must not be negative: " + metric);
        }
        if (device.isPresent() != (via == Via.ORIGINAL_GATEWAY)) {
            throw new IllegalArgumentException("a device is named exactly for routes via the original gateway");
        }
        if (via == Via.GATEWAY && gateway.isEmpty()) {
            throw new IllegalArgumentException("a route via some gateway needs the gateway");
        }
        gateway.ifPresent(g -> {
            if (g.getAddress().length != network.getAddress().length) {
                throw new IllegalArgumentException("gateway and network are of different families");
            }
        });
    }

    /** A route through the tunnel device. */
    static PlannedRoute tunnel(InetAddress network, int prefixLength, Optional<InetAddress> gateway, int metric) {
        return new PlannedRoute(network, prefixLength, gateway, Via.TUNNEL, Optional.empty(), metric);
    }

    /** A route through the original gateway's device. */
    static PlannedRoute outside(InetAddress network, int prefixLength, NetGateway net, int metric) {
        return new PlannedRoute(network, prefixLength, net.gateway(), Via.ORIGINAL_GATEWAY, Optional.of(net.device()),
                metric);
    }

    /** Whether this is an IPv6 route. */
    public boolean ipv6() {
        return network.getAddress().length == 16;
    }

    /**
     * The route for {@code TunDevice.addRoute}/{@code removeRoute}.
     *
     * @throws IllegalStateException for a route not {@link Via#TUNNEL through the tunnel}
     */
    public Route toTunRoute() {
        if (via != Via.TUNNEL) {
            throw new IllegalStateException("not a route through the tunnel: " + this);
        }
        return new Route(network, prefixLength, gateway, metric);
    }

    /** Roughly as {@code ip route} prints it: {@code 0.0.0.0/1 via 10.8.0.1 [dev eth0] [metric 5]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(text(network)).append('/').append(prefixLength);
        gateway.ifPresent(g -> s.append(" via ").append(text(g)));
        s.append(switch (via) {
            case TUNNEL -> " dev (tunnel)";
            case ORIGINAL_GATEWAY -> " dev " + device.orElseThrow();
            case GATEWAY -> "";
        });
        if (metric > 0) {
            s.append(" metric ").append(metric);
        }
        return s.toString();
    }

    private static String text(InetAddress a) {
        return a.getAddress().length == 4 ? a.getHostAddress() : AddressText.formatIpv6(a.getAddress());
    }
}
