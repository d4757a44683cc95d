package io.sluice.core.pushed;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The IPv4 half of the plan, as route.c does it on Linux: {@code init_route_list} (the VPN gateway,
 * the routes with special words resolved, {@code block-local}), then {@code add_routes}, which runs
 * {@code redirect_default_route_to_vpn} (host route to the server, bypass routes, the default
 * route or its def1 halves) before the routes in order.
 */
final class Ipv4Routes {

    /** route.h {@code N_ROUTE_BYPASS}: at most this many bypass host routes. */
    static final int MAX_BYPASS = 8;
    private static final String REDIRECT_NOTE = "NOTE: unable to redirect IPv4 default gateway -- ";

    private final RedirectState redirect;
    private final Optional<Inet4Address> vpnGateway;
    private final int defaultMetric;
    private final RoutingFacts facts;
    private final Optional<Inet4Address> remoteHost;
    private final Optional<NetGateway> net;
    private final Predicate<Inet4Address> onTunnel;
    private final List<String> warnings;

    /**
     * @param vpnGateway    route.c's {@code remote_endpoint}, if known
     * @param defaultMetric {@code route-metric}, 0 for none
     * @param onTunnel      whether an address is on the tunnel's own subnet (or is its peer)
     * @param warnings      where to log
     */
    Ipv4Routes(RedirectState redirect, Optional<Inet4Address> vpnGateway, int defaultMetric, RoutingFacts facts,
               Predicate<Inet4Address> onTunnel, List<String> warnings) {
        this.redirect = redirect;
        this.vpnGateway = vpnGateway;
        this.defaultMetric = defaultMetric;
        this.facts = facts;
        this.remoteHost = facts.server() instanceof Inet4Address a ? Optional.of(a) : Optional.empty();
        this.net = facts.ipv4Gateway();
        this.onTunnel = onTunnel;
        this.warnings = warnings;
    }

    /** The steps, in the order OpenVPN takes them. */
    List<RouteStep> steps(List<RouteIpv4> routes) {
        List<PlannedRoute> list = new ArrayList<>();
        for (RouteIpv4 r : routes) {
            resolve(r).ifPresent(list::add);
        }
        List<Inet4Address> bypass = new ArrayList<>();
        if (redirect.ipv4()) {
            list.addAll(blockLocal(bypass));
            if (redirect.bypassDhcp()) {
                facts.adapterDhcpServers().forEach(a -> addBypass(bypass, a));
            }
            if (redirect.bypassDns()) {
                facts.adapterDnsServers().forEach(a -> addBypass(bypass, a));
            }
        }
        List<RouteStep> steps = new ArrayList<>(redirectSteps(bypass));
        list.forEach(r -> steps.add(RouteStep.add(r)));
        return steps;
    }

    // route.c init_route: special words resolved now, then defaults for what was not given.
    private Optional<PlannedRoute> resolve(RouteIpv4 r) {
        String name = r.network().toString();
        Optional<Inet4Address> network = address(r.network());
        if (network.isEmpty()) {
            return failed(name);
        }
        Optional<Inet4Address> gateway;
        if (r.gateway().isPresent()) {
            gateway = address(r.gateway().get());
            if (gateway.isEmpty()) {
                return failed(name);
            }
        } else if (vpnGateway.isPresent()) {
            gateway = vpnGateway;
        } else {
            warnings.add("OpenVPN ROUTE: OpenVPN needs a gateway parameter for a --route option and no default was "
                    + "specified by either --route-gateway or --ifconfig options");
            return failed(name);
        }
        Inet4Address netmask = r.netmask().orElse(AddressWords.ipv4(-1));
        int prefix = AddressWords.prefixLength(netmask);
        int value = AddressWords.ipv4Value(network.get());
        // Linux refuses both; OpenVPN tries and logs "ERROR: Linux route add command failed".
        if (prefix < 0) {
            warnings.add("ERROR: Linux route add command failed: the netmask " + netmask.getHostAddress()
                    + " of route " + name + " is not contiguous");
            return Optional.empty();
        }
        if ((value & AddressWords.netmask(prefix)) != value) {
            warnings.add("ERROR: Linux route add command failed: " + network.get().getHostAddress() + "/" + prefix
                    + ": Invalid prefix for given prefix length");
            return Optional.empty();
        }
        int metric = r.metric().orElse(defaultMetric);
        Inet4Address gw = gateway.get();
        boolean viaNetGateway = r.gateway().filter(g -> g.equals(RouteAddress.of(SpecialAddress.NET_GATEWAY))).isPresent()
                || (net.isPresent() && !net.get().onLink() && gw.equals(netGatewayAddress()));
        if (viaNetGateway) {
            return Optional.of(PlannedRoute.outside(network.get(), prefix, net.orElseThrow(), metric));
        }
        if (vpnGateway.filter(gw::equals).isPresent() || onTunnel.test(gw)) {
            return Optional.of(PlannedRoute.tunnel(network.get(), prefix, Optional.of(gw), metric));
        }
        return Optional.of(new PlannedRoute(network.get(), prefix, Optional.of(gw), PlannedRoute.Via.GATEWAY,
                Optional.empty(), metric));
    }

    private Optional<PlannedRoute> failed(String name) {
        warnings.add("OpenVPN ROUTE: failed to parse/resolve route for host/network: " + name);
        return Optional.empty();
    }

    // route.c get_special_addr.
    private Optional<Inet4Address> address(RouteAddress a) {
        if (a instanceof RouteAddress.Literal l) {
            return Optional.of(l.address());
        }
        switch (((RouteAddress.Special) a).which()) {
            case VPN_GATEWAY:
                if (vpnGateway.isEmpty()) {
                    warnings.add("OpenVPN ROUTE: vpn_gateway undefined");
                }
                return vpnGateway;
            case NET_GATEWAY:
                if (net.isEmpty()) {
                    warnings.add("OpenVPN ROUTE: net_gateway undefined -- unable to get default gateway from system");
                    return Optional.empty();
                }
                return Optional.of(netGatewayAddress());
            default:
                if (remoteHost.isEmpty()) {
                    warnings.add("OpenVPN ROUTE: remote_host undefined");
                }
                return remoteHost;
        }
    }

    /** The original gateway; 0.0.0.0 for an on-link default route, as OpenVPN has it. */
    private Inet4Address netGatewayAddress() {
        return net.flatMap(NetGateway::gateway).map(Inet4Address.class::cast).orElse(AddressWords.ipv4(0));
    }

    /**
     * route.c {@code test_local_addr} on Linux: whether the server is on the default gateway's
     * subnet. That needs the gateway's address and subnet; without them it is not.
     */
    private boolean serverIsLocal() {
        if (remoteHost.isEmpty() || net.isEmpty() || net.get().onLink() || net.get().prefixLength().isEmpty()) {
            return false;
        }
        int mask = AddressWords.netmask(net.get().prefixLength().getAsInt());
        return ((AddressWords.ipv4Value(remoteHost.get()) ^ AddressWords.ipv4Value(netGatewayAddress())) & mask) == 0;
    }

    // route.c add_block_local: the gateway's subnet, split in two halves more specific than the
    // connected route, into the tunnel; the gateway itself bypasses it.
    private List<PlannedRoute> blockLocal(List<Inet4Address> bypass) {
        OptionalInt prefix = net.map(NetGateway::prefixLength).orElse(OptionalInt.empty());
        if (!redirect.blockLocal() || prefix.isEmpty() || vpnGateway.isEmpty() || serverIsLocal()) {
            return List.of();
        }
        addBypass(bypass, netGatewayAddress());
        int bits = prefix.getAsInt();
        if (bits == 32) {
            return List.of();
        }
        int mask = AddressWords.netmask(bits);
        int lower = AddressWords.ipv4Value(netGatewayAddress()) & mask;
        int half = (int) (((~mask & 0xffffffffL) + 1) >>> 1);
        Optional<InetAddress> gw = vpnGateway.map(InetAddress.class::cast);
        // init_route_list prepends both before the routes are prepended: they end up last, upper half first.
        return List.of(PlannedRoute.tunnel(AddressWords.ipv4(lower + half), bits + 1, gw, 0),
                PlannedRoute.tunnel(AddressWords.ipv4(lower), bits + 1, gw, 0));
    }

    // route.c add_bypass_address (duplicates skipped, at most 8) and get_bypass_addresses' filter.
    private static void addBypass(List<Inet4Address> bypass, Inet4Address a) {
        int v = AddressWords.ipv4Value(a);
        if (v == 0 || v == -1 || bypass.contains(a) || bypass.size() >= MAX_BYPASS) {
            return;
        }
        bypass.add(a);
    }

    // route.c redirect_default_route_to_vpn.
    private List<RouteStep> redirectSteps(List<Inet4Address> bypass) {
        if (!redirect.ipv4()) {
            return List.of();
        }
        boolean local = redirect.local();
        if (vpnGateway.isEmpty() && redirect.ipv4Default()) {
            warnings.add(REDIRECT_NOTE + "VPN gateway parameter (--route-gateway or --ifconfig) is missing");
            return List.of();
        }
        if (net.isEmpty() && !local && remoteHost.isPresent()) {
            warnings.add(REDIRECT_NOTE + "Cannot read current default gateway from system");
            return List.of();
        }
        if (redirect.autolocal() && remoteHost.isPresent()) {
            local = serverIsLocal();
        }
        List<RouteStep> steps = new ArrayList<>();
        if (net.isPresent()) {
            if (!local && remoteHost.isPresent()) {
                steps.add(RouteStep.add(PlannedRoute.outside(remoteHost.get(), 32, net.get(), 0)));
            }
            bypass.forEach(a -> steps.add(RouteStep.add(PlannedRoute.outside(a, 32, net.get(), 0))));
        }
        if (redirect.ipv4Default()) {
            Optional<InetAddress> gw = vpnGateway.map(InetAddress.class::cast);
            Inet4Address any = AddressWords.ipv4(0);
            if (redirect.def1()) {
                steps.add(RouteStep.add(PlannedRoute.tunnel(any, 1, gw, 0)));
                steps.add(RouteStep.add(PlannedRoute.tunnel(AddressWords.ipv4(0x80000000), 1, gw, 0)));
            } else {
                // Without def1 the default route itself is replaced, and restored on the way down.
                net.ifPresent(n -> steps.add(RouteStep.delete(PlannedRoute.outside(any, 0, n, 0))));
                steps.add(RouteStep.add(PlannedRoute.tunnel(any, 0, gw, 0)));
            }
        }
        return steps;
    }
}
