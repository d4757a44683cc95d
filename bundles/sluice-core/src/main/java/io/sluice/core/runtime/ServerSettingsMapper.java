package io.sluice.core.runtime;

import io.sluice.config.CompatMode;
import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.TunRequest;
import io.sluice.config.ConfigException;
import io.sluice.config.DataChannel;
import io.sluice.config.DevType;
import io.sluice.config.Ifconfig;
import io.sluice.config.IfconfigPool;
import io.sluice.config.Network;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Proto;
import io.sluice.config.Renegotiation;
import io.sluice.config.Route;
import io.sluice.config.RouteIpv6;
import io.sluice.config.ServerOptions;
import io.sluice.core.server.ListenSpec;
import io.sluice.core.server.ServerSettings;
import io.sluice.core.server.ServerSettings.Ipv4Network;
import io.sluice.core.server.ServerSettings.Ipv6Network;
import io.sluice.core.server.ServerSettings.RouteSpec;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code mode server} configuration as the engine's {@link ServerSettings}, with OpenVPN's
 * defaults (2.7's where they changed) for what the configuration leaves out.
 */
final class ServerSettingsMapper {

    /** OpenVPN's default port (IANA). */
    static final int DEFAULT_PORT = 1194;

    private ServerSettingsMapper() {
    }

    static ServerSettings map(OpenVpnConfig c, String name, io.sluice.core.engine.Prompt prompt) throws ConfigException {
        Network n = c.network();
        Topology topology = Topology.of(n.topology());
        DataChannel d = c.dataChannel();
        ServerOptions s = c.server();
        Renegotiation r = c.renegotiation();
        return new ServerSettings(name, listen(c), tun(c), topology.server, ipv4(c, n), ipv6(c, n), routes(c, n, topology),
                n.push(), d.effectiveDataCiphers(), d.dataCiphersFallback(),
                d.auth().orElse("SHA1"), Duration.ofSeconds(c.liveness().ping()),
                Duration.ofSeconds(c.liveness().pingRestart()), s.maxClients(), s.duplicateCn(), s.clientToClient(),
                s.clientConfigDir(), s.ccdExclusive(),
                s.ifconfigPoolPersist().map(f -> new ServerSettings.PoolPersist(f,
                        Duration.ofSeconds(s.ifconfigPoolPersistSeconds()))),
                r.replayWindow(), r.replayTime(), Duration.ofSeconds(r.renegSec()),
                TlsSettingsMapper.map(c, name, true, prompt),
                ControlProtectionMapper.map(c), CompatMode.of(c), timings(c), payload(c), connectRates(c));
    }

    /** connect-freq-initial and connect-freq (the option table checked both numbers are positive). */
    static ServerSettings.ConnectRates connectRates(OpenVpnConfig c) {
        ServerSettings.ConnectRates d = ServerSettings.ConnectRates.DEFAULTS;
        return new ServerSettings.ConnectRates(intOption(c, "connect-freq-initial", d.initialMax()),
                c.last("connect-freq-initial").flatMap(l -> l.arg(1)).map(Integer::parseInt).orElse(d.initialSeconds()),
                intOption(c, "connect-freq", d.max()),
                c.last("connect-freq").flatMap(l -> l.arg(1)).map(Integer::parseInt).orElse(d.seconds()));
    }

    /** Compression framing and the byte and packet renegotiation limits, for servers and clients alike. */
    static io.sluice.core.tunnel.PayloadSettings payload(OpenVpnConfig c) {
        Renegotiation r = c.renegotiation();
        return new io.sluice.core.tunnel.PayloadSettings(c.dataChannel().compression(), r.renegBytes(), r.renegPkts(),
                r.renegSecMin().orElse(-1));
    }

    /** tls-mtu, hand-window, tran-window and tls-timeout, for servers and clients alike. */
    static ServerSettings.SessionTimings timings(OpenVpnConfig c) {
        Renegotiation r = c.renegotiation();
        return new ServerSettings.SessionTimings(intOption(c, "tls-mtu", 1250), Duration.ofSeconds(r.handWindow()),
                Duration.ofSeconds(r.tranWindow()), Duration.ofSeconds(intOption(c, "tls-timeout", 2)));
    }

    /** The config module's topology and the server's. */
    private enum Topology {
        NET30(ServerSettings.Topology.NET30), P2P(ServerSettings.Topology.P2P), SUBNET(ServerSettings.Topology.SUBNET);

        final ServerSettings.Topology server;

        Topology(ServerSettings.Topology server) {
            this.server = server;
        }

        static Topology of(io.sluice.config.Topology t) {
            return valueOf(t.name());
        }
    }

    /**
     * The sockets to serve: one per {@code local} line, each with its own port and proto when
     * written as OpenVPN 2.7 allows ({@code local 198.18.0.1 1194 tcp-server}), else the
     * configuration's {@code port}/{@code proto}; without {@code local}, the wildcard.
     */
    private static List<ListenSpec> listen(OpenVpnConfig c) throws ConfigException {
        Proto defaultProto = c.transport().proto();
        int defaultPort = c.transport().localPort() > 0 ? c.transport().localPort() : DEFAULT_PORT;
        List<OptionLine> locals = c.all("local");
        if (locals.isEmpty()) {
            // OpenVPN 2.6 binds IPv4 for udp/tcp without 'local' ("Using AF_INET"); udp6/tcp6 bind
            // the IPv6 wildcard, which takes IPv4 clients too.
            String wildcard = family6(defaultProto) ? "::" : "0.0.0.0";
            OptionLine where = c.last("proto").or(() -> c.last("port")).orElse(c.lines().get(0));
            return List.of(new ListenSpec(protocol(where, defaultProto),
                    new InetSocketAddress(resolve(where, wildcard), defaultPort)));
        }
        List<ListenSpec> out = new ArrayList<>();
        for (OptionLine line : locals) {
            int port = line.arg(1).map(Integer::parseInt).orElse(defaultPort);
            Proto proto = line.arg(2).flatMap(Proto::fromKeyword).orElse(defaultProto);
            ListenSpec spec = new ListenSpec(protocol(line, proto),
                    new InetSocketAddress(resolve(line, line.args().get(0)), port));
            if (out.contains(spec)) {
                throw ConfigException.at(line, "the same socket twice: " + spec);
            }
            out.add(spec);
        }
        return out;
    }

    private static boolean family6(Proto proto) {
        return proto == Proto.UDP6 || proto == Proto.TCP6 || proto == Proto.TCP6_SERVER;
    }

    private static TransportProtocol protocol(OptionLine line, Proto proto) throws ConfigException {
        return switch (proto) {
            case UDP, UDP4, UDP6 -> TransportProtocol.UDP;
            case TCP, TCP4, TCP6, TCP_SERVER, TCP4_SERVER, TCP6_SERVER -> TransportProtocol.TCP;
            default -> throw ConfigException.at(line, "'" + proto.keyword()
                    + "' is for clients; a server uses udp or tcp-server");
        };
    }

    /** The device {@code dev}, {@code dev-type} and {@code tun-mtu} ask for; TUN only for now. */
    static TunRequest tun(OpenVpnConfig c) throws ConfigException {
        OptionLine devLine = c.last("dev").orElseThrow(() -> ConfigException.forOption(
                c.last("server").or(() -> c.last("mode")).or(() -> c.last("client")).or(() -> c.last("tls-client"))
                        .orElse(c.lines().get(0)).location(), "dev", "needs 'dev tun'"));
        if (c.device().type() != DevType.TUN) {
            throw ConfigException.at(c.last("dev-type").orElse(devLine),
                    "only 'dev tun' is supported by Sluice yet (TAP bridging comes later)");
        }
        String dev = c.device().dev().orElse("tun");
        Optional<String> name = dev.equals("tun") ? Optional.empty() : Optional.of(dev);
        int mtu = c.device().tunMtu().orElse(1500);
        try {
            return new TunRequest(name, DeviceType.TUN, mtu);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(c.last("tun-mtu").orElse(devLine), e.getMessage());
        }
    }

    private static Optional<Ipv4Network> ipv4(OpenVpnConfig c, Network n) throws ConfigException {
        if (n.ifconfig().isEmpty()) {
            return Optional.empty();
        }
        Ifconfig ifc = n.ifconfig().get();
        OptionLine line = c.last("server").or(() -> c.last("ifconfig")).orElseThrow();
        IfconfigPool pool = n.ifconfigPool().orElseThrow(() -> ConfigException.at(line,
                "a server needs an address pool for its clients ('server' or 'ifconfig-pool')"));
        return Optional.of(new Ipv4Network(v4(line, ifc.local()), v4(line, ifc.remoteOrNetmask()),
                v4(line, pool.start()), v4(line, pool.end())));
    }

    private static Optional<Ipv6Network> ipv6(OpenVpnConfig c, Network n) throws ConfigException {
        if (n.ifconfigIpv6().isEmpty()) {
            return Optional.empty();
        }
        OptionLine line = c.last("server-ipv6").or(() -> c.last("ifconfig-ipv6")).orElseThrow();
        String[] local = n.ifconfigIpv6().get().split("/");
        String[] pool = n.ifconfigIpv6Pool().orElseThrow(() -> ConfigException.at(line,
                "an IPv6 server needs 'server-ipv6' or 'ifconfig-ipv6-pool'")).split("/");
        return Optional.of(new Ipv6Network(v6(line, local[0]), Integer.parseInt(local[1]), v6(line, pool[0]),
                pool.length > 1 ? Integer.parseInt(pool[1]) : Integer.parseInt(local[1])));
    }

    private static List<RouteSpec> routes(OpenVpnConfig c, Network n, Topology topology) throws ConfigException {
        List<RouteSpec> out = new ArrayList<>();
        // In net30 and p2p the TUN device is point-to-point: routes go via its peer address, as
        // OpenVPN's default route gateway there is the 'ifconfig' remote end.
        Optional<InetAddress> viaPeer = topology != Topology.SUBNET && n.ifconfig().isPresent()
                ? Optional.of(v4(c.last("server").or(() -> c.last("ifconfig")).orElseThrow(),
                        n.ifconfig().get().remoteOrNetmask()))
                : Optional.empty();
        for (Route route : n.routes()) {
            OptionLine line = c.last("route").or(() -> c.last("server")).orElseThrow();
            InetAddress network = v4(line, route.network());
            int prefix = prefixOf(line, route.netmask().orElse("255.255.255.255"));
            Optional<InetAddress> gateway = route.gateway().filter(g -> !g.equals("vpn_gateway"))
                    .map(g -> (InetAddress) unchecked(line, g)).or(() -> viaPeer);
            out.add(new RouteSpec(network, prefix, gateway));
        }
        for (RouteIpv6 route : n.routesIpv6()) {
            OptionLine line = c.last("route-ipv6").orElseThrow();
            String[] parts = route.network().split("/");
            out.add(new RouteSpec(v6(line, parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 128,
                    Optional.empty()));
        }
        return out;
    }

    static int intOption(OpenVpnConfig c, String name, int dflt) {
        return c.last(name).flatMap(l -> l.arg(0)).map(Integer::parseInt).orElse(dflt);
    }

    private static int prefixOf(OptionLine line, String netmask) throws ConfigException {
        byte[] b = v4(line, netmask).getAddress();
        int bits = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int prefix = Integer.bitCount(bits);
        if (bits != (prefix == 0 ? 0 : -1 << (32 - prefix))) {
            throw ConfigException.at(line, "'" + netmask + "' is not a netmask");
        }
        return prefix;
    }

    private static Inet4Address v4(OptionLine line, String literal) throws ConfigException {
        InetAddress a = unchecked(line, literal);
        if (!(a instanceof Inet4Address v4)) {
            throw ConfigException.at(line, "'" + literal + "' is not an IPv4 address");
        }
        return v4;
    }

    private static Inet6Address v6(OptionLine line, String literal) throws ConfigException {
        InetAddress a = unchecked(line, literal);
        if (!(a instanceof Inet6Address v6)) {
            throw ConfigException.at(line, "'" + literal + "' is not an IPv6 address");
        }
        return v6;
    }

    static InetAddress resolve(OptionLine line, String host) throws ConfigException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw ConfigException.at(line, "cannot resolve '" + host + "'");
        }
    }

    /** An address literal (the parser already checked its syntax, so no name lookup happens). */
    private static InetAddress unchecked(OptionLine line, String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(line.location() + ": not an address: " + literal, e);
        }
    }
}
