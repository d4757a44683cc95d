package io.sluice.core.client;

import io.sluice.api.dns.HostResolver;
import io.sluice.api.dns.NameServer;
import io.sluice.api.dns.ResolverChange;
import io.sluice.api.dns.ResolverSettings;
import io.sluice.api.transport.SocketAddresses;
import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.RouteVia;
import io.sluice.api.tun.TunDevice;
import io.sluice.core.events.RouteFacts;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pushed.ClientNetworkPlan;
import io.sluice.core.pushed.DevicePlan;
import io.sluice.core.pushed.DnsPlan;
import io.sluice.core.pushed.DnsServer;
import io.sluice.core.pushed.IfconfigIpv6;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.pushed.NetGateway;
import io.sluice.core.pushed.PlannedRoute;
import io.sluice.core.pushed.PushedOptions;
import io.sluice.core.pushed.RouteStep;
import io.sluice.core.pushed.RoutingFacts;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Puts a connection's network plan into the system and takes it out again: the device's MTU and
 * addresses, routes through the tunnel, and routes outside it (the host route that keeps the
 * server reachable under {@code redirect-gateway}). What it could not add, or found there
 * already, it does not remove later.
 *
 * <p>Used on the client's control thread only. A static-key peer ({@code io.sluice.core.p2p})
 * uses it too, with an empty push: its own {@code ifconfig} and {@code route} lines.
 */
public final class ClientNetwork {

    private final LocalRouting local;
    private final Optional<HostRoutes> hostRoutes;
    private final Optional<HostResolver> resolver;
    private final TunnelLog log;
    private ResolverChange dnsChange;

    private ClientNetworkPlan plan;
    private Optional<Inet4Address> netGateway = Optional.empty();
    private Optional<Inet6Address> ipv6Remote = Optional.empty();
    /** Routes this instance added (so it removes them) and original routes it deleted (so it restores them). */
    private final Set<PlannedRoute> added = new HashSet<>();
    private final Set<PlannedRoute> deleted = new HashSet<>();
    private final List<IfAddress> addresses = new ArrayList<>();

    public ClientNetwork(LocalRouting local, Optional<HostRoutes> hostRoutes, Optional<HostResolver> resolver,
                  TunnelLog log) {
        this.local = local;
        this.hostRoutes = hostRoutes;
        this.resolver = resolver;
        this.log = log;
    }

    /**
     * Computes the plan for what the server pushed, as the host's routes are now, and sets up
     * the device: MTU, link up, addresses. Routes and DNS follow with {@link #addRoutes}, after
     * the {@code up} script, as OpenVPN orders them.
     *
     * @throws IOException when the plan cannot be made (no gateway for redirect-gateway) or the
     *                     system refuses the device settings
     */
    public void configureDevice(TunDevice tun, PushedOptions pushed, InetAddress server) throws IOException {
        RoutingFacts facts = facts(server);
        ClientNetworkPlan p = ClientNetworkPlan.compute(pushed, local, facts);
        p.warnings().forEach(log::warn);
        if (p.failure().isPresent()) {
            throw new IOException(p.failure().get());
        }
        plan = p;
        ipv6Remote = pushed.ifconfigIpv6().or(() -> local.options().ifconfigIpv6()).map(IfconfigIpv6::remote);
        netGateway = facts.ipv4Gateway().flatMap(NetGateway::gateway).map(Inet4Address.class::cast);
        DevicePlan device = p.device();
        if (device.configure()) {
            tun.setMtu(device.mtu());
            tun.setUp(true);
            for (IfAddress a : device.addresses()) {
                tun.addAddress(a);
                addresses.add(a);
                log.info(Verb.INFO, "net_addr_" + (a.local() instanceof Inet4Address ? "v4" : "v6") + "_add: "
                        + text(a.local()) + "/" + a.prefixLength()
                        + a.peer().map(peer -> " peer " + text(peer)).orElse("") + " dev " + tun.name());
            }
        } else {
            log.info(Verb.INFO, "ifconfig-noexec: leaving " + tun.name() + "'s addresses alone: "
                    + device.addresses());
        }
    }

    /**
     * Adds the planned routes (routes that fail are logged and skipped, as OpenVPN does) and
     * applies the DNS settings.
     */
    public void addRoutes(TunDevice tun) {
        for (RouteStep step : plan.install()) {
            boolean done = run(tun, step);
            if (done) {
                (step.action() == RouteStep.Action.ADD ? added : deleted).add(step.route());
            }
        }
        applyDns(tun.name(), plan.dns());
    }

    /** The plan {@link #configureDevice} made. */
    ClientNetworkPlan plan() {
        return plan;
    }

    /**
     * The routes as scripts are told of them ({@code route_network_N} ...): the configured and
     * pushed {@code route}s, not the halves and host route {@code redirect-gateway} adds for
     * IPv4; the IPv6 redirect routes are listed, as OpenVPN lists them.
     */
    RouteFacts routeFacts() {
        List<RouteFacts.Ipv4Route> v4 = new ArrayList<>();
        List<RouteFacts.Ipv6Route> v6 = new ArrayList<>();
        Optional<Inet4Address> vpnGateway = plan.vpnGateway();
        for (RouteStep step : plan.computedRoutes()) {
            PlannedRoute r = step.route();
            if (step.action() != RouteStep.Action.ADD || r.via() != PlannedRoute.Via.TUNNEL) {
                continue;
            }
            OptionalInt metric = r.metric() > 0 ? OptionalInt.of(r.metric()) : OptionalInt.empty();
            if (r.network() instanceof Inet4Address net) {
                if (r.prefixLength() <= 1) {
                    continue; // redirect-gateway's own routes
                }
                Optional<Inet4Address> gw = r.gateway().map(Inet4Address.class::cast).or(() -> vpnGateway);
                if (gw.isPresent()) {
                    v4.add(new RouteFacts.Ipv4Route(net, netmask(r.prefixLength()), gw.get(), metric));
                }
            } else {
                Optional<Inet6Address> gw = r.gateway().map(Inet6Address.class::cast).or(() -> ipv6Remote);
                gw.ifPresent(g -> v6.add(new RouteFacts.Ipv6Route((Inet6Address) r.network(), r.prefixLength(), g,
                        metric)));
            }
        }
        return new RouteFacts(vpnGateway, netGateway, v4, Optional.empty(), v6);
    }

    private static Inet4Address netmask(int prefix) {
        int bits = prefix == 0 ? 0 : -1 << (32 - prefix);
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {
                (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pushed name servers and domains into the host's resolver, as OpenVPN 2.7's
     * {@code dns-updown} does: the first plain {@code dns server} (by priority) with its split
     * domains, else the {@code dhcp-option DNS} addresses with {@code DOMAIN} and
     * {@code DOMAIN-SEARCH}. A failure is a warning; the tunnel stays up.
     */
    private void applyDns(String device, DnsPlan dns) {
        dns.warnings().forEach(log::warn);
        Optional<ResolverSettings> settings;
        try {
            settings = resolverSettings(device, dns);
        } catch (IllegalArgumentException e) {
            log.warn("DNS settings from the server not applied: " + e.getMessage());
            return;
        }
        if (settings.isEmpty()) {
            return;
        }
        if (resolver.isEmpty()) {
            log.info(Verb.INFO, "DNS settings from the server left to the up script (or no resolver service)");
            return;
        }
        try {
            dnsChange = resolver.get().apply(settings.get());
            log.info(Verb.INFO, "DNS: " + dnsChange.describe());
        } catch (IOException | RuntimeException e) {
            log.warn("DNS settings from the server not applied: " + e.getMessage());
        }
    }

    static Optional<ResolverSettings> resolverSettings(String device, DnsPlan dns) {
        for (DnsServer server : dns.servers()) {
            boolean plain = server.transport().map(t -> t == DnsServer.Transport.PLAIN).orElse(true)
                    && server.dnssec().map(d -> d == DnsServer.Security.NO).orElse(true);
            if (plain && !server.addresses().isEmpty()) {
                List<NameServer> servers = new ArrayList<>();
                for (DnsServer.Address a : server.addresses()) {
                    servers.add(new NameServer(a.address(), a.port().orElse(NameServer.DEFAULT_PORT)));
                }
                return Optional.of(ResolverSettings.of(device, servers, dns.searchDomains(),
                        server.resolveDomains()));
            }
        }
        if (!dns.servers().isEmpty() || dns.addresses().isEmpty()) {
            return Optional.empty();
        }
        List<NameServer> servers = new ArrayList<>();
        dns.addresses().forEach(a -> servers.add(NameServer.of(a)));
        List<String> search = new ArrayList<>();
        dns.domain().ifPresent(search::add);
        search.addAll(dns.searchDomains());
        return Optional.of(ResolverSettings.of(device, servers, search, List.of()));
    }

    /** Removes what {@link #apply} put in, in reverse order; restores original routes it replaced. */
    public void undo(TunDevice tun) {
        if (plan == null) {
            return;
        }
        if (dnsChange != null) {
            try {
                dnsChange.revert();
                log.info(Verb.INFO, "DNS: restored");
            } catch (IOException | RuntimeException e) {
                log.warn("DNS: cannot restore the resolver settings: " + e.getMessage());
            }
            dnsChange = null;
        }
        for (RouteStep step : plan.teardown()) {
            boolean ours = step.action() == RouteStep.Action.DELETE ? added.remove(step.route())
                    : deleted.remove(step.route());
            if (ours) {
                run(tun, step);
            }
        }
        for (IfAddress a : addresses) {
            try {
                tun.removeAddress(a);
            } catch (IOException e) {
                // The device may be going away with its addresses anyway.
            }
        }
        addresses.clear();
        added.clear();
        deleted.clear();
        plan = null;
    }

    private static String text(InetAddress a) {
        return a instanceof Inet6Address v6 ? SocketAddresses.compress(v6) : a.getHostAddress();
    }

    private boolean run(TunDevice tun, RouteStep step) {
        PlannedRoute r = step.route();
        boolean add = step.action() == RouteStep.Action.ADD;
        String what = (add ? "net_route_" : "net_route_del_") + (r.ipv6() ? "v6: " : "v4: ") + r;
        try {
            boolean done = switch (r.via()) {
                case TUNNEL -> {
                    if (add) {
                        tun.addRoute(r.toTunRoute());
                    } else {
                        tun.removeRoute(r.toTunRoute());
                    }
                    yield true;
                }
                case ORIGINAL_GATEWAY -> outside(r, r.device().orElseThrow(), add);
                case GATEWAY -> {
                    Optional<RouteVia> via = routes().lookup(r.gateway().orElseThrow());
                    if (via.isEmpty()) {
                        throw new IOException("no route to gateway " + r.gateway().get().getHostAddress());
                    }
                    yield outside(r, via.get().device(), add);
                }
            };
            log.info(Verb.INFO, (done ? what : what + " (already there, left alone)").replace("(tunnel)", tun.name()));
            return done;
        } catch (IOException | RuntimeException e) {
            log.warn("ERROR: " + what + ": " + e.getMessage());
            return false;
        }
    }

    private boolean outside(PlannedRoute r, String device, boolean add) throws IOException {
        Route route = new Route(r.network(), r.prefixLength(), r.gateway(), r.metric());
        return add ? routes().add(route, device) : routes().remove(route, device);
    }

    private HostRoutes routes() throws IOException {
        return hostRoutes.orElseThrow(() -> new IOException(
                "the host's routing table cannot be changed: no HostRoutes service (feature sluice-tun-linux)"));
    }

    /** How the server is reached now, before any tunnel route: the "net gateway". */
    private RoutingFacts facts(InetAddress server) {
        if (hostRoutes.isEmpty() || server.isAnyLocalAddress()) {
            // No routes outside the tunnel to look up, or no peer address yet (a static-key peer
            // that waits to learn it).
            return RoutingFacts.of(server, Optional.empty(), Optional.empty());
        }
        try {
            Optional<RouteVia> via = hostRoutes.get().lookup(server);
            if (via.isEmpty()) {
                return RoutingFacts.of(server, Optional.empty(), Optional.empty());
            }
            RouteVia v = via.get();
            if (server instanceof Inet4Address) {
                return RoutingFacts.of(server, Optional.of(gateway(v)), Optional.empty());
            }
            NetGateway six = v.gateway().map(g -> NetGateway.via(g, v.device())).orElse(NetGateway.onLink(v.device()));
            return RoutingFacts.of(server, Optional.empty(), Optional.of(six));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the current default gateway: " + e.getMessage());
            return RoutingFacts.of(server, Optional.empty(), Optional.empty());
        }
    }

    /** An IPv4 net gateway with the prefix of the subnet it sits on (for autolocal and block-local). */
    private NetGateway gateway(RouteVia v) throws IOException {
        if (v.gateway().isEmpty() || !(v.gateway().get() instanceof Inet4Address g)) {
            return NetGateway.onLink(v.device());
        }
        OptionalInt prefix = hostRoutes.get().lookup(g).map(r -> OptionalInt.of(r.prefixLength()))
                .orElse(OptionalInt.empty());
        return prefix.isPresent() ? NetGateway.via(g, v.device(), prefix.getAsInt()) : NetGateway.via(g, v.device());
    }
}
