package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.DevType;
import io.sluice.config.Ifconfig;
import io.sluice.config.IfconfigPool;
import io.sluice.config.OptionLine;
import io.sluice.config.Route;
import io.sluice.config.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Expands {@code server}, {@code server-ipv6} and {@code server-bridge} into the options OpenVPN's
 * helper derives from them, and refuses the combinations it refuses. The arithmetic follows
 * OpenVPN 2.6: for {@code server 10.8.0.0 255.255.255.0} with a tun device and topology net30 the
 * server takes .1/.2, the pool runs .4 to .251 and clients get a route to .1; with topology subnet
 * the server takes .1 with the netmask and the pool runs .2 to .254.
 */
final class ServerHelper {

    /** OpenVPN's IFCONFIG_POOL_MIN_NETBITS: a server network may be at most a /16. */
    static final int MIN_NETBITS = 16;
    /** OpenVPN's IFCONFIG_POOL_MAX. */
    static final long POOL_MAX = 65536;

    private ServerHelper() {
    }

    /** What the helpers add to the configuration. */
    static final class Expansion {
        Optional<Ifconfig> ifconfig = Optional.empty();
        Optional<IfconfigPool> pool = Optional.empty();
        Optional<String> ifconfigIpv6 = Optional.empty();
        Optional<String> ifconfigIpv6Remote = Optional.empty();
        Optional<String> ifconfigIpv6Pool = Optional.empty();
        final List<Route> routes = new ArrayList<>();
        final List<String> push = new ArrayList<>();
        Optional<String> routeGatewayDefault = Optional.empty();
    }

    /**
     * Expands the helpers present in {@code lines}.
     *
     * @param strict whether to throw on combinations OpenVPN refuses; when false such helpers are
     *     simply not expanded
     */
    static Expansion expand(Lines lines, DevType dev, Topology topology, boolean strict) throws ConfigException {
        Expansion x = new Expansion();
        try {
            expandIpv6(lines, x);
            expandIpv4(lines, dev, topology, x);
            expandBridge(lines, dev, x);
        } catch (ConfigException e) {
            if (strict) {
                throw e;
            }
        }
        return x;
    }

    private static ConfigException conflict(OptionLine line, OptionLine other) {
        return ConfigException.at(line, "cannot be used together with '" + other.name() + "' (" + other.location() + ")");
    }

    private static void expandIpv6(Lines lines, Expansion x) throws ConfigException {
        Optional<OptionLine> s6 = lines.last("server-ipv6");
        if (s6.isEmpty()) {
            return;
        }
        OptionLine line = s6.get();
        if (lines.has("client")) {
            throw conflict(line, lines.last("client").get());
        }
        Optional<OptionLine> server = lines.last("server");
        if (server.isPresent() && server.get().args().size() == 3) {
            throw ConfigException.at(line, "is incompatible with the 'nopool' flag of 'server' (" + server.get().location() + ")");
        }
        if (lines.has("ifconfig-ipv6-pool")) {
            throw ConfigException.at(lines.last("ifconfig-ipv6-pool").get(),
                    "'server-ipv6' already defines an IPv6 pool (" + line.location() + ")");
        }
        Addresses.Ipv6Net net = Addresses.parseIpv6Net(line.args().get(0));
        int bits = net.bits() < 0 ? 64 : net.bits();
        x.ifconfigIpv6 = Optional.of(Addresses.formatIpv6(Addresses.addIpv6(net.address(), 1)) + "/" + bits);
        x.ifconfigIpv6Remote = Optional.of(Addresses.formatIpv6(Addresses.addIpv6(net.address(), 2)));
        long offset = bits < 112 ? 0x1000 : 2;
        x.ifconfigIpv6Pool = Optional.of(Addresses.formatIpv6(Addresses.addIpv6(net.address(), offset)) + "/" + bits);
        x.push.add("tun-ipv6");
    }

    private static void expandIpv4(Lines lines, DevType dev, Topology topology, Expansion x) throws ConfigException {
        Optional<OptionLine> s = lines.last("server");
        if (s.isEmpty()) {
            return;
        }
        OptionLine line = s.get();
        boolean nopool = line.args().size() == 3;
        for (String other : List.of("client", "server-bridge", "secret")) {
            if (lines.has(other)) {
                throw conflict(line, lines.last(other).get());
            }
        }
        if (!nopool && lines.has("ifconfig-pool")) {
            throw ConfigException.at(lines.last("ifconfig-pool").get(), "'server' already defines an address pool ("
                    + line.location() + "); add 'nopool' to 'server' to define your own");
        }
        if (dev != DevType.TUN && dev != DevType.TAP) {
            throw ConfigException.at(line, "only makes sense with 'dev tun' or 'dev tap'");
        }
        long network = Addresses.parseIpv4(line.args().get(0)).getAsLong();
        long netmask = Addresses.parseIpv4(line.args().get(1)).getAsLong();
        if (network == 0 || netmask == 0) {
            throw ConfigException.at(line, "network and netmask must not be 0.0.0.0");
        }
        OptionalInt maybeBits = Addresses.netmaskBits(netmask);
        if (maybeBits.isEmpty() || (network & netmask) != network) {
            throw ConfigException.at(line, "network/netmask combination is invalid (" + line.args().get(0) + " is not the"
                    + " start of a network with netmask " + line.args().get(1) + ")");
        }
        int bits = maybeBits.getAsInt();
        if (bits == 32) {
            throw ConfigException.at(line, "netmask is invalid (a /32 leaves no addresses)");
        }
        if (bits < MIN_NETBITS) {
            throw ConfigException.at(line, "netmask allows too many host addresses (the network must be /"
                    + MIN_NETBITS + " or smaller)");
        }
        long broadcast = network | (~netmask & 0xffffffffL);
        String mask = Addresses.formatIpv4(netmask);
        if (dev == DevType.TUN) {
            if (bits > 29) {
                throw ConfigException.at(line, "with 'dev tun' the network must be /29 or larger, not /" + bits);
            }
            int reserve = bits == 29 ? 0 : 4;
            if (topology == Topology.NET30 || topology == Topology.P2P) {
                x.ifconfig = Optional.of(new Ifconfig(Addresses.formatIpv4(network + 1), Addresses.formatIpv4(network + 2)));
                if (!nopool) {
                    x.pool = Optional.of(pool(line, network + 4, broadcast - reserve, Optional.empty()));
                }
                x.routes.add(new Route(Addresses.formatIpv4(network), Optional.of(mask), Optional.empty(), Optional.empty()));
                if (lines.has("client-to-client")) {
                    x.push.add("route " + Addresses.formatIpv4(network) + " " + mask);
                } else if (topology == Topology.NET30) {
                    x.push.add("route " + Addresses.formatIpv4(network + 1));
                }
            } else {
                x.ifconfig = Optional.of(new Ifconfig(Addresses.formatIpv4(network + 1), mask));
                if (!nopool) {
                    x.pool = Optional.of(pool(line, network + 2, broadcast - 1, Optional.of(mask)));
                }
                x.push.add("route-gateway " + Addresses.formatIpv4(network + 1));
                x.routeGatewayDefault = Optional.of(Addresses.formatIpv4(network + 2));
            }
            x.push.add("topology " + topology.keyword());
        } else {
            if (bits > 30) {
                throw ConfigException.at(line, "with 'dev tap' the network must be /30 or larger, not /" + bits);
            }
            x.ifconfig = Optional.of(new Ifconfig(Addresses.formatIpv4(network + 1), mask));
            if (!nopool) {
                x.pool = Optional.of(pool(line, network + 2, broadcast - 1, Optional.of(mask)));
            }
            x.push.add("route-gateway " + Addresses.formatIpv4(network + 1));
        }
    }

    private static IfconfigPool pool(OptionLine line, long start, long end, Optional<String> mask)
            throws ConfigException {
        if (start > end) {
            throw ConfigException.at(line, "address pool start " + Addresses.formatIpv4(start)
                    + " is greater than its end " + Addresses.formatIpv4(end));
        }
        if (end - start >= POOL_MAX) {
            throw ConfigException.at(line, "address pool is too large (at most " + POOL_MAX + " addresses)");
        }
        return new IfconfigPool(Addresses.formatIpv4(start), Addresses.formatIpv4(end), mask);
    }

    private static void expandBridge(Lines lines, DevType dev, Expansion x) throws ConfigException {
        Optional<OptionLine> b = lines.last("server-bridge");
        if (b.isEmpty() || lines.has("server")) {
            return;
        }
        OptionLine line = b.get();
        for (String other : List.of("client", "secret")) {
            if (lines.has(other)) {
                throw conflict(line, lines.last(other).get());
            }
        }
        if (lines.has("ifconfig-pool")) {
            throw ConfigException.at(lines.last("ifconfig-pool").get(), "'server-bridge' already defines an address pool ("
                    + line.location() + ")");
        }
        if (dev != DevType.TAP) {
            throw ConfigException.at(line, "only makes sense with 'dev tap'");
        }
        if (line.args().size() == 4) {
            long gw = Addresses.parseIpv4(line.args().get(0)).getAsLong();
            long mask = Addresses.parseIpv4(line.args().get(1)).getAsLong();
            long start = Addresses.parseIpv4(line.args().get(2)).getAsLong();
            long end = Addresses.parseIpv4(line.args().get(3)).getAsLong();
            if ((gw & mask) != (start & mask) || (start & mask) != (end & mask)) {
                throw ConfigException.at(line, "gateway and pool addresses are not in the same "
                        + line.args().get(1) + " subnet");
            }
            x.pool = Optional.of(pool(line, start, end, Optional.of(line.args().get(1))));
            x.push.add("route-gateway " + line.args().get(0));
        } else if (line.args().isEmpty()) {
            x.push.add("route-gateway dhcp");
        }
    }
}
