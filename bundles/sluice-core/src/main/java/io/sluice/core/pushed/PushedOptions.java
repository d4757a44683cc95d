package io.sluice.core.pushed;

import io.sluice.config.Topology;
import io.sluice.core.control.IvProto;
import io.sluice.core.control.PushReplyAssembler;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a server pushed, typed: the options of a complete push ({@link PushReplyAssembler.Pushed},
 * already through {@code pull-filter}) read as an OpenVPN 2.6 client reads them (options.c
 * {@code apply_push_options}, {@code add_option} in pull mode). Build with {@link #parse}.
 *
 * <p>Each option is taken or refused on its own: a malformed option, or one a client may not take
 * (see {@link #parse}), becomes one {@link PushProblem} and the rest still apply. Single-valued
 * options keep the last value pushed; {@code route}, {@code route-ipv6}, {@code redirect-gateway},
 * {@code dhcp-option}, {@code dns}, {@code echo} and {@code setenv-safe} accumulate in order.
 *
 * <p>What a push may set is init.c {@code pull_permission_mask}: the tunnel addresses and
 * topology, timers, MTU, compression, peer id and the negotiated data-channel parameters always;
 * routes, {@code redirect-gateway}, {@code route-metric}, {@code dhcp-option} and {@code dns} unless
 * {@code route-nopull}; never anything else ({@code setenv}, {@code pull}, server options ...).
 * OpenVPN for Linux does not know the Windows options ({@code block-outside-dns},
 * {@code register-dns}, {@code ip-win32} ...) and logs them as unrecognised; Sluice takes them as
 * OpenVPN for Windows does, since servers push them to every client.
 *
 * <p>Immutable.
 */
public final class PushedOptions {

    /** The version OpenVPN names in its "Unrecognized option" message; Sluice speaks 2.6.14. */
    static final String OPENVPN_VERSION = "2.6.14";

    /** No push at all: for a client without {@code pull}. */
    public static final PushedOptions NONE = new Builder().build();

    private final Optional<IfconfigIpv4> ifconfig;
    private final Optional<IfconfigIpv6> ifconfigIpv6;
    private final boolean ifconfigNoexec;
    private final Optional<Topology> topology;
    private final List<RouteIpv4> routes;
    private final List<RouteIpv6> routesIpv6;
    private final Optional<RouteGateway> routeGateway;
    private final Optional<Inet6Address> routeIpv6Gateway;
    private final OptionalInt routeMetric;
    private final List<RedirectGateway> redirects;
    private final boolean blockIpv6;
    private final List<DhcpOption> dhcpOptions;
    private final List<String> dnsSearchDomains;
    private final List<DnsServer> dnsServers;
    private final boolean blockOutsideDns;
    private final OptionalInt tunMtu;
    private final OptionalInt ping;
    private final Optional<PingTimeout> pingTimeout;
    private final boolean pingTimerRemote;
    private final Optional<Inactivity> inactivity;
    private final OptionalInt sessionTimeout;
    private final OptionalInt explicitExitNotify;
    private final OptionalInt peerId;
    private final Optional<String> cipher;
    private final Set<IvProto> protocolFlags;
    private final Optional<String> authToken;
    private final Optional<String> authTokenUser;
    private final Optional<Compression> compression;
    private final boolean persistTun;
    private final boolean persistKey;
    private final List<String> echo;
    private final List<SetenvSafe> setenv;
    private final List<String> notApplied;
    private final List<PushProblem> problems;
    private final Optional<String> failure;

    private PushedOptions(Builder b) {
        ifconfig = b.ifconfig;
        ifconfigIpv6 = b.ifconfigIpv6;
        ifconfigNoexec = b.ifconfigNoexec;
        topology = b.topology;
        routes = List.copyOf(b.routes);
        routesIpv6 = List.copyOf(b.routesIpv6);
        routeGateway = b.routeGateway;
        routeIpv6Gateway = b.routeIpv6Gateway;
        routeMetric = b.routeMetric;
        redirects = List.copyOf(b.redirects);
        blockIpv6 = b.blockIpv6;
        dhcpOptions = List.copyOf(b.dhcpOptions);
        dnsSearchDomains = List.copyOf(b.dnsSearchDomains);
        List<DnsServer> servers = new ArrayList<>();
        b.dnsServers.values().forEach(s -> servers.add(s.build()));
        dnsServers = List.copyOf(servers);
        blockOutsideDns = b.blockOutsideDns;
        tunMtu = b.tunMtu;
        ping = b.ping;
        pingTimeout = b.pingTimeout;
        pingTimerRemote = b.pingTimerRemote;
        inactivity = b.inactivity;
        sessionTimeout = b.sessionTimeout;
        explicitExitNotify = b.explicitExitNotify;
        peerId = b.peerId;
        cipher = b.cipher;
        protocolFlags = b.protocolFlags.isEmpty() ? Set.of() : Set.copyOf(b.protocolFlags);
        authToken = b.authToken;
        authTokenUser = b.authTokenUser;
        compression = b.compression;
        persistTun = b.persistTun;
        persistKey = b.persistKey;
        echo = List.copyOf(b.echo);
        setenv = List.copyOf(b.setenv);
        notApplied = List.copyOf(b.notApplied);
        problems = List.copyOf(b.problems);
        failure = dnsFailure(dnsServers);
    }

    /**
     * Reads a complete push.
     *
     * @param pushed      what {@link PushReplyAssembler#result()} returned
     * @param routeNopull the client's {@code route-nopull}: then {@code route}, {@code route-ipv6},
     *                    {@code redirect-gateway}, {@code route-metric}, {@code dhcp-option},
     *                    {@code dns} and the other route and DNS options are refused
     */
    public static PushedOptions parse(PushReplyAssembler.Pushed pushed, boolean routeNopull) {
        return parse(pushed.options(), routeNopull);
    }

    /** Reads pushed options given as text, one option per element, in order. */
    public static PushedOptions parse(List<String> options, boolean routeNopull) {
        Builder b = new Builder();
        OptionReader reader = OptionReader.forPush(routeNopull, b);
        int position = 0;
        for (String option : options) {
            reader.read(++position, option);
        }
        return b.build();
    }

    // dns.c dns_options_verify, run by options_postprocess_pull: one pushed server without an address
    // fails the whole push, and OpenVPN restarts the connection ("process-push-msg-failed").
    private static Optional<String> dnsFailure(List<DnsServer> servers) {
        for (DnsServer s : servers) {
            if (s.addresses().isEmpty()) {
                return Optional.of("ERROR: dns server " + s.priority() + " does not have an address assigned");
            }
        }
        return Optional.empty();
    }

    /** {@code ifconfig local netmask-or-remote}. */
    public Optional<IfconfigIpv4> ifconfig() {
        return ifconfig;
    }

    /** {@code ifconfig-ipv6 local/bits remote}. */
    public Optional<IfconfigIpv6> ifconfigIpv6() {
        return ifconfigIpv6;
    }

    /** {@code ifconfig-noexec}: a push may ask the client not to configure the device's addresses. */
    public boolean ifconfigNoexec() {
        return ifconfigNoexec;
    }

    public Optional<Topology> topology() {
        return topology;
    }

    /** The pushed {@code route} options, in order. */
    public List<RouteIpv4> routes() {
        return routes;
    }

    /** The pushed {@code route-ipv6} options, in order. */
    public List<RouteIpv6> routesIpv6() {
        return routesIpv6;
    }

    public Optional<RouteGateway> routeGateway() {
        return routeGateway;
    }

    /**
     * {@code route-ipv6-gateway}. OpenVPN 2.6 parses this option without a permission check, so a
     * push sets it even under {@code route-nopull}.
     */
    public Optional<Inet6Address> routeIpv6Gateway() {
        return routeIpv6Gateway;
    }

    /** {@code route-metric}: the metric of routes that name none, IPv4 and IPv6. */
    public OptionalInt routeMetric() {
        return routeMetric;
    }

    /** The pushed {@code redirect-gateway}/{@code redirect-private} lines, in order. */
    public List<RedirectGateway> redirects() {
        return redirects;
    }

    /** {@code block-ipv6}: answer IPv6 packets from the device with "no route" instead of tunnelling them. */
    public boolean blockIpv6() {
        return blockIpv6;
    }

    /** The {@code dhcp-option} lines, in order. */
    public List<DhcpOption> dhcpOptions() {
        return dhcpOptions;
    }

    /** {@code dns search-domains}, all lines' domains in order. */
    public List<String> dnsSearchDomains() {
        return dnsSearchDomains;
    }

    /** The {@code dns server} entries, by ascending priority. */
    public List<DnsServer> dnsServers() {
        return dnsServers;
    }

    /** {@code block-outside-dns}: a Windows client's leak protection; nothing to do elsewhere. */
    public boolean blockOutsideDns() {
        return blockOutsideDns;
    }

    /** {@code tun-mtu}: the server's device MTU, pushed to clients that announced IV_MTU. */
    public OptionalInt tunMtu() {
        return tunMtu;
    }

    public OptionalInt ping() {
        return ping;
    }

    /** {@code ping-restart} or {@code ping-exit}, whichever came last. */
    public Optional<PingTimeout> pingTimeout() {
        return pingTimeout;
    }

    /** {@code ping-timer-rem}. */
    public boolean pingTimerRemote() {
        return pingTimerRemote;
    }

    public Optional<Inactivity> inactivity() {
        return inactivity;
    }

    /** {@code session-timeout} seconds. */
    public OptionalInt sessionTimeout() {
        return sessionTimeout;
    }

    /** {@code explicit-exit-notify [n]}: n, 1 when pushed without a count. */
    public OptionalInt explicitExitNotify() {
        return explicitExitNotify;
    }

    public OptionalInt peerId() {
        return peerId;
    }

    /** The negotiated cipher, to check with {@code CipherNegotiation.checkOnClient}. */
    public Optional<String> cipher() {
        return cipher;
    }

    /**
     * {@code protocol-flags} and {@code key-derivation tls-ekm}:
     * {@link IvProto#CC_EXIT_NOTIFY}, {@link IvProto#TLS_KEY_EXPORT}, {@link IvProto#DYN_TLS_CRYPT}.
     */
    public Set<IvProto> protocolFlags() {
        return protocolFlags;
    }

    /** {@code auth-token}: the password to send instead of the user's on the next authentication. */
    public Optional<String> authToken() {
        return authToken;
    }

    /** {@code auth-token-user}: the user name to send with the token, base64 as pushed. */
    public Optional<String> authTokenUser() {
        return authTokenUser;
    }

    /** The last compression option pushed, if any. */
    public Optional<Compression> compression() {
        return compression;
    }

    public boolean persistTun() {
        return persistTun;
    }

    public boolean persistKey() {
        return persistKey;
    }

    /** {@code echo} parameters, each line's words joined by one space (management's {@code >ECHO:}). */
    public List<String> echo() {
        return echo;
    }

    public List<SetenvSafe> setenv() {
        return setenv;
    }

    /**
     * Options OpenVPN 2.6 takes from a push but whose effect Sluice does not apply (buffer sizes,
     * verbosity, traffic shaping, Windows adapter settings ...), as received: worth a log line.
     */
    public List<String> notApplied() {
        return notApplied;
    }

    /** The options refused, one problem each. */
    public List<PushProblem> problems() {
        return problems;
    }

    /**
     * Why the push as a whole must be refused, if it must: OpenVPN then restarts the connection
     * instead of bringing the tunnel up.
     */
    public Optional<String> failure() {
        return failure;
    }

    /** Collects what an {@link OptionReader} takes. */
    static final class Builder {
        Optional<IfconfigIpv4> ifconfig = Optional.empty();
        Optional<IfconfigIpv6> ifconfigIpv6 = Optional.empty();
        boolean ifconfigNoexec;
        Optional<Topology> topology = Optional.empty();
        final List<RouteIpv4> routes = new ArrayList<>();
        final List<RouteIpv6> routesIpv6 = new ArrayList<>();
        Optional<RouteGateway> routeGateway = Optional.empty();
        Optional<Inet6Address> routeIpv6Gateway = Optional.empty();
        OptionalInt routeMetric = OptionalInt.empty();
        final List<RedirectGateway> redirects = new ArrayList<>();
        boolean blockIpv6;
        final List<DhcpOption> dhcpOptions = new ArrayList<>();
        final List<String> dnsSearchDomains = new ArrayList<>();
        final TreeMap<Integer, DnsServerBuilder> dnsServers = new TreeMap<>();
        boolean blockOutsideDns;
        OptionalInt tunMtu = OptionalInt.empty();
        OptionalInt ping = OptionalInt.empty();
        Optional<PingTimeout> pingTimeout = Optional.empty();
        boolean pingTimerRemote;
        Optional<Inactivity> inactivity = Optional.empty();
        OptionalInt sessionTimeout = OptionalInt.empty();
        OptionalInt explicitExitNotify = OptionalInt.empty();
        OptionalInt peerId = OptionalInt.empty();
        Optional<String> cipher = Optional.empty();
        final EnumSet<IvProto> protocolFlags = EnumSet.noneOf(IvProto.class);
        Optional<String> authToken = Optional.empty();
        Optional<String> authTokenUser = Optional.empty();
        Optional<Compression> compression = Optional.empty();
        boolean persistTun;
        boolean persistKey;
        final List<String> echo = new ArrayList<>();
        final List<SetenvSafe> setenv = new ArrayList<>();
        final List<String> notApplied = new ArrayList<>();
        final List<PushProblem> problems = new ArrayList<>();

        /** dns.c {@code dns_server_get}: the server of that priority, created on first mention. */
        DnsServerBuilder dnsServer(int priority) {
            return dnsServers.computeIfAbsent(priority, DnsServerBuilder::new);
        }

        PushedOptions build() {
            return new PushedOptions(this);
        }
    }

    /** One {@link DnsServer} while its lines are read. */
    static final class DnsServerBuilder {
        final int priority;
        final List<DnsServer.Address> addresses = new ArrayList<>();
        final List<String> resolveDomains = new ArrayList<>();
        Optional<DnsServer.Security> dnssec = Optional.empty();
        Optional<DnsServer.Transport> transport = Optional.empty();
        Optional<String> sni = Optional.empty();

        DnsServerBuilder(int priority) {
            this.priority = priority;
        }

        DnsServer build() {
            return new DnsServer(priority, addresses, resolveDomains, dnssec, transport, sni);
        }
    }

    @Override
    public String toString() {
        return "PushedOptions[ifconfig=" + ifconfig + ", topology=" + topology + ", routes=" + routes.size()
                + ", routesIpv6=" + routesIpv6.size() + ", redirects=" + redirects + ", problems=" + problems.size()
                + "]";
    }
}
