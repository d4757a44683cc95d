package io.sluice.core.pushed;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.config.Topology;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static io.sluice.core.pushed.PushedOptionsTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client configures for a push, computed as OpenVPN 2.6 on Linux computes it. */
class ClientNetworkPlanTest {

    static final NetGateway LAN = NetGateway.via((Inet4Address) ip("192.0.2.1"), "eth0", 24);
    static final RoutingFacts FACTS = RoutingFacts.of(ip("203.0.113.10"), Optional.of(LAN), Optional.empty());

    static ClientNetworkPlan plan(LocalRouting local, RoutingFacts facts, String... pushed) {
        return ClientNetworkPlan.compute(PushedOptions.parse(List.of(pushed), local.routeNopull()), local, facts);
    }

    static ClientNetworkPlan plan(String... pushed) {
        return plan(LocalRouting.builder().build(), FACTS, pushed);
    }

    static List<String> steps(List<RouteStep> steps) {
        return steps.stream().map(RouteStep::toString).toList();
    }

    static IfAddress address(String local, int prefix, String peer) {
        return new IfAddress(ip(local), prefix, Optional.ofNullable(peer).map(PushedOptionsTest::ip));
    }

    @Test
    void subnetTopologyGivesLocalSlashPrefixAndRoutesViaTheRouteGateway() {
        ClientNetworkPlan p = plan("route 192.168.10.0 255.255.255.0", "route 192.168.11.0 255.255.255.0 10.8.0.1 5",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0", "tun-mtu 1500");
        assertEquals(new DevicePlan(true, 1500, List.of(address("10.8.0.2", 24, null)), Topology.SUBNET), p.device());
        assertEquals(List.of("add 192.168.10.0/24 via 10.8.0.1 dev (tunnel)", "add 192.168.11.0/24 via 10.8.0.1 dev (tunnel) metric 5"),
                steps(p.install()));
        assertEquals(List.of("delete 192.168.11.0/24 via 10.8.0.1 dev (tunnel) metric 5",
                "delete 192.168.10.0/24 via 10.8.0.1 dev (tunnel)"), steps(p.teardown()));
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void net30TopologyGivesAPointToPointAddressAndThePeerAsGateway() {
        ClientNetworkPlan p = plan("route 10.8.0.1", "topology net30", "ifconfig 10.8.0.6 10.8.0.5");
        assertEquals(List.of(address("10.8.0.6", 32, "10.8.0.5")), p.device().addresses());
        assertEquals(List.of("add 10.8.0.1/32 via 10.8.0.5 dev (tunnel)"), steps(p.install()));
    }

    @Test
    void p2pTopologyIsPointToPointLikeNet30() {
        ClientNetworkPlan p = plan("route 192.168.10.0 255.255.255.0", "topology p2p", "ifconfig 10.8.0.4 10.8.0.1");
        assertEquals(List.of(address("10.8.0.4", 32, "10.8.0.1")), p.device().addresses());
        assertEquals(Topology.P2P, p.device().topology());
        assertEquals(List.of("add 192.168.10.0/24 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
    }

    @Test
    void aClientsOwnTopologyIsNet30UntilTheServerSaysOtherwise() {
        ClientNetworkPlan p = plan("ifconfig 10.8.0.6 10.8.0.5");
        assertEquals(Topology.NET30, p.device().topology());
        assertEquals(List.of(address("10.8.0.6", 32, "10.8.0.5")), p.device().addresses());
        ClientNetworkPlan warned = plan("ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("WARNING: Since you are using --dev tun with a point-to-point topology, the second argument "
                + "to --ifconfig must be an IP address.  You are using something (255.255.255.0) that looks more like a "
                + "netmask. (silence this warning with --ifconfig-nowarn)"), warned.warnings());
    }

    @Test
    void subnetRoutesWithoutRouteGatewayCannotBeResolved() {
        ClientNetworkPlan p = plan("route 192.168.10.0 255.255.255.0", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of(), p.install());
        assertEquals(List.of("OpenVPN ROUTE: OpenVPN needs a gateway parameter for a --route option and no default was "
                + "specified by either --route-gateway or --ifconfig options",
                "OpenVPN ROUTE: failed to parse/resolve route for host/network: 192.168.10.0"), p.warnings());
    }

    @Test
    void specialWordsResolveToTheGatewaysAndTheServer() {
        ClientNetworkPlan p = plan("route remote_host 255.255.255.255 net_gateway", "route vpn_gateway",
                "route 198.51.100.0 255.255.255.0 192.0.2.254", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "add 10.8.0.1/32 via 10.8.0.1 dev (tunnel)",
                "add 198.51.100.0/24 via 192.0.2.254"), steps(p.install()));
        assertEquals(PlannedRoute.Via.GATEWAY, p.install().get(2).route().via());
        assertEquals(PlannedRoute.Via.ORIGINAL_GATEWAY, p.install().get(0).route().via());
    }

    @Test
    void redirectGatewayDef1AddsTheServerHostRouteThenBothHalves() {
        ClientNetworkPlan p = plan("redirect-gateway def1", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)",
                "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
        assertEquals(List.of("delete 128.0.0.0/1 via 10.8.0.1 dev (tunnel)", "delete 0.0.0.0/1 via 10.8.0.1 dev (tunnel)",
                "delete 203.0.113.10/32 via 192.0.2.1 dev eth0"), steps(p.teardown()));
        assertTrue(p.redirect().ipv4Default());
    }

    @Test
    void redirectGatewayWithoutDef1ReplacesTheDefaultRouteAndPutsItBack() {
        ClientNetworkPlan p = plan("redirect-gateway", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "delete 0.0.0.0/0 via 192.0.2.1 dev eth0",
                "add 0.0.0.0/0 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
        assertEquals(List.of("delete 0.0.0.0/0 via 10.8.0.1 dev (tunnel)", "add 0.0.0.0/0 via 192.0.2.1 dev eth0",
                "delete 203.0.113.10/32 via 192.0.2.1 dev eth0"), steps(p.teardown()));
    }

    @Test
    void localAndAutolocalOnTheGatewaysSubnetSkipTheServerHostRoute() {
        RoutingFacts onLan = RoutingFacts.of(ip("192.0.2.77"), Optional.of(LAN), Optional.empty());
        String[] base = {"route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0"};
        assertEquals(List.of("add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)", "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)"),
                steps(plan(LocalRouting.builder().build(), FACTS, concat(base, "redirect-gateway def1 local")).install()));
        assertEquals(List.of("add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)", "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)"),
                steps(plan(LocalRouting.builder().build(), onLan, concat(base, "redirect-gateway def1 autolocal")).install()));
        // Without a flag a server on the LAN still gets its host route through the gateway, as OpenVPN does it.
        assertEquals("add 192.0.2.77/32 via 192.0.2.1 dev eth0",
                steps(plan(LocalRouting.builder().build(), onLan, concat(base, "redirect-gateway def1")).install()).get(0));
        assertEquals("add 203.0.113.10/32 via 192.0.2.1 dev eth0",
                steps(plan(LocalRouting.builder().build(), FACTS, concat(base, "redirect-gateway def1 autolocal")).install()).get(0));
    }

    @Test
    void redirectIpv6AddsFourRoutesAndNotIpv4DropsTheIpv4Redirect() {
        ClientNetworkPlan p = plan("redirect-gateway ipv6 !ipv4", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0", "ifconfig-ipv6 2001:db8::1000/64 2001:db8::1");
        assertEquals(List.of("add ::/3 dev (tunnel)", "add 2000::/4 dev (tunnel)", "add 3000::/4 dev (tunnel)",
                "add fc00::/7 dev (tunnel)"), steps(p.install()));
        assertEquals(List.of(address("10.8.0.2", 24, null), address("2001:db8::1000", 64, null)), p.device().addresses());
        assertFalse(p.redirect().ipv4());
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void anIpv6ServerCoveredByARedirectRouteGetsAHostRouteFirstWithMetric1() {
        RoutingFacts v6 = RoutingFacts.of(ip("2001:db8:ffff::5"), Optional.of(LAN),
                Optional.of(NetGateway.via(ip("fe80::1"), "eth0")));
        ClientNetworkPlan p = plan(LocalRouting.builder().build(), v6, "redirect-gateway def1 ipv6",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        List<RouteStep> install = p.install();
        // No IPv4 host route: the server is not reached over IPv4.
        assertEquals(List.of("0.0.0.0/1", "128.0.0.0/1", "2001:db8:ffff::5/128", "::/3", "2000::/4", "3000::/4", "fc00::/7"),
                install.stream().map(s -> RouteCapture.text(s.route().network()) + "/" + s.route().prefixLength()).toList());
        PlannedRoute host = install.get(2).route();
        assertEquals(PlannedRoute.outside(ip("2001:db8:ffff::5"), 128, NetGateway.via(ip("fe80::1"), "eth0"), 1), host);
        // On-link: no next hop, just the device.
        RoutingFacts onLink = RoutingFacts.of(ip("2001:db8:ffff::5"), Optional.of(LAN), Optional.of(NetGateway.onLink("wlan0")));
        assertEquals(Optional.empty(), plan(LocalRouting.builder().build(), onLink, "redirect-gateway ipv6").install().get(0)
                .route().gateway());
        ClientNetworkPlan unknown = plan(LocalRouting.builder().build(),
                RoutingFacts.of(ip("2001:db8:ffff::5"), Optional.of(LAN), Optional.empty()), "redirect-gateway ipv6");
        assertEquals(4, unknown.install().size());
        assertTrue(unknown.warnings().contains("ROUTE6: IPv6 route overlaps with IPv6 remote address, but could not "
                + "determine IPv6 gateway address + interface, expect failure"));
    }

    @Test
    void ipv6RoutesHaveNoNextHopOnTunButNeedOneOnTap() {
        String[] pushed = {"ifconfig-ipv6 2001:db8::1000/64 2001:db8::1", "route-ipv6 2001:db8:200::1/56",
            "route-ipv6 2001:db8:300::/48 2001:db8::fe 9", "route-ipv6 2001:db8:400::/48 default 0"};
        ClientNetworkPlan tun = plan(pushed[0], pushed[1], pushed[2]);
        assertEquals(List.of(PlannedRoute.tunnel(ip("2001:db8:200::"), 56, Optional.empty(), 0),
                PlannedRoute.tunnel(ip("2001:db8:300::"), 48, Optional.empty(), 9)),
                tun.install().stream().map(RouteStep::route).toList());
        LocalRouting tap = LocalRouting.builder().deviceType(DeviceType.TAP).option(pushed[3]).build();
        ClientNetworkPlan p = plan(tap, FACTS, pushed[0], pushed[1], pushed[2]);
        assertEquals(List.of(PlannedRoute.tunnel(ip("2001:db8:400::"), 48, Optional.empty(), 0),
                PlannedRoute.tunnel(ip("2001:db8:200::"), 56, Optional.of(ip("2001:db8::1")), 0),
                PlannedRoute.tunnel(ip("2001:db8:300::"), 48, Optional.of(ip("2001:db8::fe")), 9)),
                p.install().stream().map(RouteStep::route).toList());
        ClientNetworkPlan noGateway = plan(LocalRouting.builder().deviceType(DeviceType.TAP).build(), FACTS,
                "route-ipv6 2001:db8:200::/56");
        assertEquals(List.of(), noGateway.install());
        assertTrue(noGateway.warnings().contains("ROUTE6 WARNING: OpenVPN needs a gateway parameter for a --route-ipv6 "
                + "option and no default was set via --ifconfig-ipv6 or --route-ipv6-gateway option.  Not installing IPv6 "
                + "route to 2001:db8:200::/56."));
    }

    @Test
    void routeMetricAppliesToRoutesWithoutTheirOwnButNotToTheRedirectRoutes() {
        LocalRouting local = LocalRouting.builder().option("route-metric 50").option("route 172.16.0.0 255.240.0.0").build();
        ClientNetworkPlan p = plan(local, FACTS, "route-metric 7", "route 192.168.10.0 255.255.255.0",
                "route 192.168.11.0 255.255.255.0 10.8.0.1 3", "redirect-gateway def1 ipv6", "route-gateway 10.8.0.1",
                "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)",
                "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)", "add 172.16.0.0/12 via 10.8.0.1 dev (tunnel) metric 7",
                "add 192.168.10.0/24 via 10.8.0.1 dev (tunnel) metric 7", "add 192.168.11.0/24 via 10.8.0.1 dev (tunnel) metric 3"),
                steps(p.install()).subList(0, 6));
        assertEquals(List.of(7, 7, 7, 7), p.install().subList(6, 10).stream().map(s -> s.route().metric()).toList());
    }

    @Test
    void blockLocalRoutesTheLanIntoTheTunnelExceptTheGateway() {
        ClientNetworkPlan p = plan("redirect-gateway def1 block-local", "route 192.168.10.0 255.255.255.0",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "add 192.0.2.1/32 via 192.0.2.1 dev eth0",
                "add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)", "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)",
                "add 192.168.10.0/24 via 10.8.0.1 dev (tunnel)", "add 192.0.2.128/25 via 10.8.0.1 dev (tunnel)",
                "add 192.0.2.0/25 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
    }

    @Test
    void bypassRoutesUseTheAdapterFactsDeduplicatedAndAtMostEight() {
        List<Inet4Address> dhcp = List.of((Inet4Address) ip("198.51.100.67"), (Inet4Address) ip("0.0.0.0"));
        List<Inet4Address> dns = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            dns.add((Inet4Address) ip("198.51.100." + (i == 1 ? 67 : i)));
        }
        RoutingFacts windows = new RoutingFacts(ip("203.0.113.10"), Optional.of(LAN), Optional.empty(), dhcp, dns);
        ClientNetworkPlan p = plan(LocalRouting.builder().build(), windows, "redirect-gateway def1 bypass-dhcp bypass-dns",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 203.0.113.10/32 via 192.0.2.1 dev eth0", "add 198.51.100.67/32 via 192.0.2.1 dev eth0",
                "add 198.51.100.2/32 via 192.0.2.1 dev eth0", "add 198.51.100.3/32 via 192.0.2.1 dev eth0",
                "add 198.51.100.4/32 via 192.0.2.1 dev eth0", "add 198.51.100.5/32 via 192.0.2.1 dev eth0",
                "add 198.51.100.6/32 via 192.0.2.1 dev eth0", "add 198.51.100.7/32 via 192.0.2.1 dev eth0",
                "add 198.51.100.8/32 via 192.0.2.1 dev eth0", "add 0.0.0.0/1 via 10.8.0.1 dev (tunnel)",
                "add 128.0.0.0/1 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
        // Linux: OpenVPN finds no DHCP or DNS server to bypass, so the flags change nothing.
        assertEquals(3, plan("redirect-gateway def1 bypass-dhcp bypass-dns", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0").install().size());
    }

    @Test
    void redirectNeedsTheVpnGatewayAndTheOriginalDefaultRoute() {
        ClientNetworkPlan noVpnGateway = plan("redirect-gateway def1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of(), noVpnGateway.install());
        assertEquals(List.of("NOTE: unable to redirect IPv4 default gateway -- VPN gateway parameter (--route-gateway or "
                + "--ifconfig) is missing"), noVpnGateway.warnings());
        RoutingFacts noDefault = RoutingFacts.of(ip("203.0.113.10"), Optional.empty(), Optional.empty());
        String[] pushed = {"redirect-gateway def1", "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0"};
        ClientNetworkPlan p = plan(LocalRouting.builder().build(), noDefault, pushed);
        assertEquals(List.of(), p.install());
        assertEquals(List.of("NOTE: unable to redirect IPv4 default gateway -- Cannot read current default gateway from system"),
                p.warnings());
        // With "local" there is no host route to add, so no gateway is needed.
        assertEquals(2, plan(LocalRouting.builder().build(), noDefault, concat(pushed, "redirect-gateway local")).install().size());
    }

    @Test
    void anOnLinkDefaultRouteMakesTheServerHostRouteADeviceRoute() {
        RoutingFacts ppp = RoutingFacts.of(ip("203.0.113.10"), Optional.of(NetGateway.onLink("ppp0")), Optional.empty());
        ClientNetworkPlan p = plan(LocalRouting.builder().build(), ppp, "redirect-gateway def1", "route-gateway 10.8.0.1",
                "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals("add 203.0.113.10/32 dev ppp0", steps(p.install()).get(0));
    }

    @Test
    void routeNopullKeepsTheClientsOwnRoutesOnly() {
        LocalRouting local = LocalRouting.builder().routeNopull(true).option("route 172.16.0.0 255.240.0.0").build();
        ClientNetworkPlan p = plan(local, FACTS, "route 192.168.10.0 255.255.255.0", "redirect-gateway def1",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 172.16.0.0/12 via 10.8.0.1 dev (tunnel)"), steps(p.install()));
    }

    @Test
    void routeNoexecComputesRoutesButChangesNothing() {
        ClientNetworkPlan p = plan(LocalRouting.builder().routeNoexec(true).build(), FACTS, "route 192.168.10.0 255.255.255.0",
                "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of(), p.install());
        assertEquals(List.of(), p.teardown());
        assertEquals(List.of("add 192.168.10.0/24 via 10.8.0.1 dev (tunnel)"), steps(p.computedRoutes()));
        assertTrue(p.device().configure());
    }

    @Test
    void ifconfigNoexecFromConfigOrPushLeavesTheDeviceAlone() {
        assertFalse(plan(LocalRouting.builder().ifconfigNoexec(true).build(), FACTS, "ifconfig 10.8.0.6 10.8.0.5")
                .device().configure());
        assertFalse(plan("ifconfig 10.8.0.6 10.8.0.5", "ifconfig-noexec").device().configure());
    }

    @Test
    void aPushedMtuIsTakenUpToTheClientsMaximum() {
        assertEquals(1400, plan("tun-mtu 1400").device().mtu());
        ClientNetworkPlan big = plan("tun-mtu 9000");
        assertEquals(1600, big.device().mtu());
        assertEquals(List.of("Server-pushed tun-mtu is too large, please add tun-mtu-max 9000 in the client configuration"),
                big.warnings());
        assertEquals(9000, plan(LocalRouting.builder().tunMtuMax(9000).build(), FACTS, "tun-mtu 9000").device().mtu());
        assertEquals(1300, plan(LocalRouting.builder().tunMtu(1300).build(), FACTS).device().mtu());
    }

    @Test
    void aNetmaskWithHolesFailsTheDeviceAndARouteWithHostBitsIsLeftOut() {
        ClientNetworkPlan p = plan("topology subnet", "ifconfig 10.8.0.2 255.0.255.0", "route-gateway 10.8.0.1",
                "route 192.168.10.1 255.255.255.0");
        assertEquals(Optional.of("Linux can't add IP to interface: the netmask 255.0.255.0 is not contiguous"), p.failure());
        assertEquals(List.of(), p.device().addresses());
        assertEquals(List.of(), p.install());
    }

    @Test
    void configuredRoutesMayUseDefaultForAbsentArguments() {
        LocalRouting local = LocalRouting.builder().option("route 172.16.0.0 255.240.0.0 default 5")
                .option("route 172.31.0.0 default").build();
        assertEquals(List.of(), local.problems());
        ClientNetworkPlan p = plan(local, FACTS, "route-gateway 10.8.0.1", "topology subnet", "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(List.of("add 172.16.0.0/12 via 10.8.0.1 dev (tunnel) metric 5", "add 172.31.0.0/32 via 10.8.0.1 dev (tunnel)"),
                steps(p.install()));
    }

    @Test
    void redirectLinesFromConfigAndPushCombineAndWarnAsOpenVpnDoes() {
        LocalRouting local = LocalRouting.builder().option("redirect-gateway def1").build();
        ClientNetworkPlan p = plan(local, FACTS, "redirect-gateway ipv6 !ipv4", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0");
        assertFalse(p.redirect().ipv4());
        assertTrue(p.redirect().ipv6Default());
        assertTrue(p.warnings().contains(RedirectState.COMBINED_WARNING));
        assertEquals(4, p.install().size());
    }

    @Test
    void tunnelRoutesConvertToTunDeviceRoutesAndOthersRefuse() {
        ClientNetworkPlan p = plan("redirect-gateway def1", "route-gateway 10.8.0.1", "topology subnet",
                "ifconfig 10.8.0.2 255.255.255.0");
        assertEquals(new Route(ip("0.0.0.0"), 1, Optional.of(ip("10.8.0.1")), 0), p.install().get(1).route().toTunRoute());
        assertThrows(IllegalStateException.class, () -> p.install().get(0).route().toTunRoute());
    }

    @Test
    void dnsServersReplaceDhcpOptionDnsAndForeignOptionsFollowOpenVpn() {
        LocalRouting local = LocalRouting.builder().option("dhcp-option DOMAIN corp.example").build();
        ClientNetworkPlan withDns = plan(local, FACTS, "dhcp-option DNS 10.8.0.1", "dhcp-option DNS6 2001:db8::53",
                "dhcp-option DOMAIN-SEARCH a.example", "dhcp-option NTP 10.8.0.2", "dns server 0 address 10.8.0.53");
        DnsPlan d = withDns.dns();
        assertEquals(List.of(ip("10.8.0.53")), d.addresses());
        assertEquals(List.of("a.example"), d.searchDomains());
        assertEquals(Optional.of("corp.example"), d.domain());
        assertEquals(List.of("dhcp-option DOMAIN corp.example", "dhcp-option DOMAIN-SEARCH a.example",
                "dhcp-option NTP 10.8.0.2", "dhcp-option DNS 10.8.0.53"), d.foreignOptions());
        DnsPlan legacy = plan("dhcp-option DNS 10.8.0.1", "dhcp-option DNS6 2001:db8::53", "dhcp-option DNS bogus",
                "dns search-domains b.example", "dhcp-option DOMAIN-SEARCH a.example").dns();
        assertEquals(List.of(ip("10.8.0.1"), ip("2001:db8::53")), legacy.addresses());
        assertEquals(List.of("b.example"), legacy.searchDomains());
        assertEquals(List.of("dhcp-option DNS 10.8.0.1", "dhcp-option DNS6 2001:db8::53", "dhcp-option DNS bogus",
                "dhcp-option DOMAIN-SEARCH b.example"), legacy.foreignOptions());
        assertEquals(List.of("dhcp-option DNS: not an IP address: 'bogus'"), legacy.warnings());
    }

    @Test
    void aPushedDnsServerReplacesTheConfiguredOneOfTheSamePriority() {
        LocalRouting local = LocalRouting.builder().option("dns server -1 address 192.0.2.53")
                .option("dns server 0 address 192.0.2.54").build();
        DnsPlan d = plan(local, FACTS, "dns server 0 address 10.8.0.53", "dns server 5 address 10.8.0.54").dns();
        assertEquals(List.of(-1, 0, 5), d.servers().stream().map(DnsServer::priority).toList());
        assertEquals(List.of(ip("192.0.2.53"), ip("10.8.0.53"), ip("10.8.0.54")), d.addresses());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
