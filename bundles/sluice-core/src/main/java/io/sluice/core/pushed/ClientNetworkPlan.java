package io.sluice.core.pushed;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.config.Topology;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Exactly what a client configures once a push is complete, and what it undoes on disconnect, as
 * OpenVPN 2.6 on Linux does (init.c {@code do_open_tun}, {@code do_init_route_list},
 * {@code do_init_route_ipv6_list}, {@code do_deferred_options}; tun.c {@code do_ifconfig}; route.c
 * {@code add_routes}). Pure computation: the caller supplies the facts about the host
 * ({@link RoutingFacts}) and applies the result.
 *
 * <p>The caller, in order: if {@link #failure()} is present, refuses the connection; otherwise
 * sets up the device as {@link #device()} says (MTU, link up, addresses, unless
 * {@link DevicePlan#configure()} is false), then applies {@link #install()} step by step. On
 * disconnect it applies {@link #teardown()} (the same steps undone, last first) and removes the
 * addresses.
 *
 * <p>Immutable.
 */
public final class ClientNetworkPlan {

    /** init.c: OpenVPN always allows pushed MTUs up to this, whatever tun-mtu-max says. */
    static final int MIN_TUN_MAX_MTU = 1600;
    private static final String NOWARN = "(silence this warning with --ifconfig-nowarn)";

    private final DevicePlan device;
    private final List<RouteStep> routes;
    private final boolean routeNoexec;
    private final RedirectState redirect;
    private final DnsPlan dns;
    private final Optional<Inet4Address> vpnGateway;
    private final List<String> warnings;
    private final Optional<String> failure;

    private ClientNetworkPlan(DevicePlan device, List<RouteStep> routes, boolean routeNoexec, RedirectState redirect,
                              DnsPlan dns, Optional<Inet4Address> vpnGateway, List<String> warnings,
                              Optional<String> failure) {
        this.device = device;
        this.routes = List.copyOf(routes);
        this.routeNoexec = routeNoexec;
        this.redirect = redirect;
        this.dns = dns;
        this.vpnGateway = vpnGateway;
        this.warnings = List.copyOf(warnings);
        this.failure = failure;
    }

    /**
     * Plans a connection.
     *
     * @param pushed what the server pushed, parsed with the client's {@code route-nopull}
     *               ({@link PushedOptions#parse}); use an empty push for a client without
     *               {@code pull}
     * @param local  the client's own options
     * @param facts  the server's address as connected and the routes the host had before
     */
    public static ClientNetworkPlan compute(PushedOptions pushed, LocalRouting local, RoutingFacts facts) {
        Objects.requireNonNull(pushed, "pushed");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(facts, "facts");
        PushedOptions conf = local.options();
        List<String> warnings = new ArrayList<>();
        Optional<String> failure = pushed.failure();

        // Single-valued options: a pushed value replaces the configured one.
        Topology topology = pushed.topology().orElse(local.topology());
        Optional<IfconfigIpv4> ifconfig = pushed.ifconfig().or(conf::ifconfig);
        Optional<IfconfigIpv6> ifconfigIpv6 = pushed.ifconfigIpv6().or(conf::ifconfigIpv6);
        Optional<RouteGateway> routeGateway = pushed.routeGateway().or(conf::routeGateway);
        Optional<Inet6Address> routeIpv6Gateway = pushed.routeIpv6Gateway().or(conf::routeIpv6Gateway);
        int metric = pushed.routeMetric().isPresent() ? pushed.routeMetric().getAsInt()
                : conf.routeMetric().orElse(0);
        boolean pointToPoint = local.deviceType() == DeviceType.TUN && topology != Topology.SUBNET;

        DevicePlan device = device(local, pushed, topology, ifconfig, ifconfigIpv6, pointToPoint, warnings);
        if (!pointToPoint && ifconfig.filter(i -> AddressWords.prefixLength(i.netmaskOrRemote()) < 0).isPresent()) {
            // tun.c do_ifconfig_ipv4: Linux refuses the address and OpenVPN exits (M_FATAL).
            failure = failure.or(() -> Optional.of("Linux can't add IP to interface: the netmask "
                    + ifconfig.get().netmaskOrRemote().getHostAddress() + " is not contiguous"));
        }

        List<RedirectGateway> redirects = new ArrayList<>(conf.redirects());
        redirects.addAll(pushed.redirects());
        RedirectState redirect = RedirectState.fold(redirects);
        warnings.addAll(redirect.warnings());

        // init.c do_init_route_list: net30/p2p take the peer as VPN gateway; route-gateway wins.
        Optional<Inet4Address> vpnGateway = Optional.empty();
        if (pointToPoint) {
            vpnGateway = ifconfig.map(IfconfigIpv4::netmaskOrRemote);
        }
        if (routeGateway.isPresent()) {
            vpnGateway = vpnGateway(routeGateway.get(), warnings);
        }

        List<RouteStep> steps = new ArrayList<>();
        List<RouteIpv4> routes4 = new ArrayList<>(conf.routes());
        routes4.addAll(pushed.routes());
        if (!routes4.isEmpty() || !redirects.isEmpty()) {
            if (!routes4.isEmpty() && ifconfig.isEmpty()) {
                warnings.add("WARNING: OpenVPN was configured to add an IPv4 route. However, no IPv4 has been "
                        + "configured for the tunnel device, therefore the route installation may fail or may not "
                        + "work as expected.");
            }
            Predicate<Inet4Address> onTunnel = onTunnel(ifconfig, pointToPoint);
            steps.addAll(new Ipv4Routes(redirect, vpnGateway, metric, facts, onTunnel, warnings).steps(routes4));
        }
        List<RouteIpv6> routes6 = new ArrayList<>(conf.routesIpv6());
        routes6.addAll(pushed.routesIpv6());
        if (!routes6.isEmpty() || redirect.ipv6Default()) {
            if (ifconfigIpv6.isEmpty()) {
                warnings.add("WARNING: OpenVPN was configured to add an IPv6 route. However, no IPv6 has been "
                        + "configured for the tunnel device, therefore the route installation may fail or may not "
                        + "work as expected.");
            }
            Optional<Inet6Address> gateway6 = routeIpv6Gateway.or(() -> ifconfigIpv6.map(IfconfigIpv6::remote));
            steps.addAll(new Ipv6Routes(gateway6, metric, facts, local.deviceType(), warnings)
                    .steps(routes6, redirect.ipv6Default()));
        }
        DnsPlan dns = DnsPlan.of(conf, pushed);
        warnings.addAll(dns.warnings());
        return new ClientNetworkPlan(device, steps, local.routeNoexec(), redirect, dns, vpnGateway, warnings,
                failure);
    }

    private static Optional<Inet4Address> vpnGateway(RouteGateway g, List<String> warnings) {
        if (g instanceof RouteGateway.Address a && a.address() instanceof RouteAddress.Literal l) {
            return Optional.of(l.address());
        }
        if (g instanceof RouteGateway.Address a) {
            // options.c lets a special word through, but route.c then tries to resolve it as a name.
            warnings.add("OpenVPN ROUTE: failed to parse/resolve default gateway: " + a.address());
        } else {
            warnings.add("route-gateway dhcp: the VPN gateway comes from a DHCP reply in a TAP tunnel, which Sluice "
                    + "does not watch; routes that need it are not added");
        }
        return Optional.empty();
    }

    private static Predicate<Inet4Address> onTunnel(Optional<IfconfigIpv4> ifconfig, boolean pointToPoint) {
        if (ifconfig.isEmpty()) {
            return a -> false;
        }
        IfconfigIpv4 i = ifconfig.get();
        if (pointToPoint) {
            return a -> a.equals(i.netmaskOrRemote());
        }
        int prefix = AddressWords.prefixLength(i.netmaskOrRemote());
        if (prefix < 0) {
            return a -> false;
        }
        int mask = AddressWords.netmask(prefix);
        int net = AddressWords.ipv4Value(i.local()) & mask;
        return a -> (AddressWords.ipv4Value(a) & mask) == net;
    }

    // tun.c init_tun, ifconfig_sanity_check, do_ifconfig_ipv4/ipv6; init.c do_deferred_options (MTU).
    private static DevicePlan device(LocalRouting local, PushedOptions pushed, Topology topology,
                                     Optional<IfconfigIpv4> ifconfig, Optional<IfconfigIpv6> ifconfigIpv6,
                                     boolean pointToPoint, List<String> warnings) {
        List<IfAddress> addresses = new ArrayList<>();
        ifconfig.ifPresent(i -> {
            boolean looksLikeNetmask = (AddressWords.ipv4Value(i.netmaskOrRemote()) & 0xFF000000) == 0xFF000000;
            String second = i.netmaskOrRemote().getHostAddress();
            if (pointToPoint) {
                if (looksLikeNetmask) {
                    warnings.add("WARNING: Since you are using --dev tun with a point-to-point topology, the second "
                            + "argument to --ifconfig must be an IP address.  You are using something (" + second
                            + ") that looks more like a netmask. " + NOWARN);
                }
                addresses.add(new IfAddress(i.local(), 32, Optional.of(i.netmaskOrRemote())));
            } else {
                if (local.deviceType() == DeviceType.TAP && !looksLikeNetmask) {
                    warnings.add("WARNING: Since you are using --dev tap, the second argument to --ifconfig must be a "
                            + "netmask, for example something like 255.255.255.0. " + NOWARN);
                }
                int prefix = AddressWords.prefixLength(i.netmaskOrRemote());
                if (prefix >= 0) {
                    addresses.add(new IfAddress(i.local(), prefix, Optional.empty()));
                }
            }
        });
        ifconfigIpv6.ifPresent(i -> addresses.add(new IfAddress(i.local(), i.prefixLength(), Optional.empty())));
        int mtu = local.tunMtu();
        if (pushed.tunMtu().isPresent()) {
            int max = Math.max(MIN_TUN_MAX_MTU, Math.max(local.tunMtu(), local.tunMtuMax().orElse(0)));
            int wanted = pushed.tunMtu().getAsInt();
            if (wanted > max) {
                warnings.add("Server-pushed tun-mtu is too large, please add tun-mtu-max " + wanted
                        + " in the client configuration");
            }
            mtu = Math.min(max, wanted);
        }
        boolean configure = !(local.ifconfigNoexec() || pushed.ifconfigNoexec());
        return new DevicePlan(configure, mtu, addresses, topology);
    }

    /** How to set up the device. */
    public DevicePlan device() {
        return device;
    }

    /** The route changes to make after the device is up, in order; none with {@code route-noexec}. */
    public List<RouteStep> install() {
        return routeNoexec ? List.of() : routes;
    }

    /** The route changes to make on disconnect, in order: {@link #install()} undone, last first. */
    public List<RouteStep> teardown() {
        List<RouteStep> out = new ArrayList<>();
        for (RouteStep s : install()) {
            out.add(s.inverse());
        }
        Collections.reverse(out);
        return out;
    }

    /** The route changes computed, also with {@code route-noexec} (what scripts are told). */
    public List<RouteStep> computedRoutes() {
        return routes;
    }

    /** The redirection in effect. */
    public RedirectState redirect() {
        return redirect;
    }

    /** OpenVPN's {@code route_vpn_gateway}: the net30/p2p peer, or {@code route-gateway}. */
    public Optional<Inet4Address> vpnGateway() {
        return vpnGateway;
    }

    /** Name resolution for the tunnel. */
    public DnsPlan dns() {
        return dns;
    }

    /** What OpenVPN would log while planning: routes it could not resolve or install, and so on. */
    public List<String> warnings() {
        return warnings;
    }

    /** Why the tunnel must not come up, if it must not. */
    public Optional<String> failure() {
        return failure;
    }
}
