package io.sluice.core.client;

import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.RouteVia;
import io.sluice.api.tun.TunDevice;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pushed.ClientNetworkPlan;
import io.sluice.core.pushed.DevicePlan;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.pushed.NetGateway;
import io.sluice.core.pushed.PlannedRoute;
import io.sluice.core.pushed.PushedOptions;
import io.sluice.core.pushed.RouteStep;
import io.sluice.core.pushed.RoutingFacts;
import java.io.IOException;
import io.sluice.api.transport.SocketAddresses;
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
 * <p>Used on the client's control thread only.
 */
final class ClientNetwork {

    private final LocalRouting local;
    private final Optional<HostRoutes> hostRoutes;
    private final TunnelLog log;

    private ClientNetworkPlan plan;
    /** Routes this instance added (so it removes them) and original routes it deleted (so it restores them). */
    private final Set<PlannedRoute> added = new HashSet<>();
    private final Set<PlannedRoute> deleted = new HashSet<>();
    private final List<IfAddress> addresses = new ArrayList<>();

    ClientNetwork(LocalRouting local, Optional<HostRoutes> hostRoutes, TunnelLog log) {
        this.local = local;
        this.hostRoutes = hostRoutes;
        this.log = log;
    }

    /**
     * Computes the plan for what the server pushed, as the host's routes are now, and applies
     * it to {@code tun}.
     *
     * @throws IOException when the plan cannot be made (no gateway for redirect-gateway) or the
     *                     system refuses the device settings; routes that fail are logged and skipped,
     *                     as OpenVPN does
     */
    void apply(TunDevice tun, PushedOptions pushed, InetAddress server) throws IOException {
        ClientNetworkPlan p = ClientNetworkPlan.compute(pushed, local, facts(server));
        p.warnings().forEach(log::warn);
        if (p.failure().isPresent()) {
            throw new IOException(p.failure().get());
        }
        plan = p;
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
        for (RouteStep step : p.install()) {
            boolean done = run(tun, step);
            if (done) {
                (step.action() == RouteStep.Action.ADD ? added : deleted).add(step.route());
            }
        }
    }

    /** Removes what {@link #apply} put in, in reverse order; restores original routes it replaced. */
    void undo(TunDevice tun) {
        if (plan == null) {
            return;
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
        if (hostRoutes.isEmpty()) {
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
