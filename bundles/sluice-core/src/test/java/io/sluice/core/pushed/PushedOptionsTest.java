package io.sluice.core.pushed;

import io.sluice.config.Topology;
import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlText;
import io.sluice.core.control.ControlTextParser;
import io.sluice.core.control.IvProto;
import io.sluice.core.control.PullFilters;
import io.sluice.core.control.PushReplyAssembler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A push is read into typed options as an OpenVPN 2.6 client reads it, option by option. */
class PushedOptionsTest {

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static PushedOptions push(String... options) {
        return PushedOptions.parse(List.of(options), false);
    }

    static List<String> problems(PushedOptions p) {
        return p.problems().stream().map(PushProblem::message).toList();
    }

    @Test
    void capturedPushReplyReadsIntoTypedOptions() {
        PushedOptions p = PushedOptions.parse(StockClientRoutesTest.assemble(RouteCapture.load("def1-subnet").push()), false);
        assertEquals(Optional.of(new IfconfigIpv4((java.net.Inet4Address) ip("198.19.0.2"),
                (java.net.Inet4Address) ip("255.255.255.0"))), p.ifconfig());
        assertEquals(List.of(new RouteIpv4(new RouteAddress.Literal((java.net.Inet4Address) ip("198.19.100.0")),
                Optional.of((java.net.Inet4Address) ip("255.255.255.0")), Optional.empty(), OptionalInt.empty())), p.routes());
        assertEquals(List.of(new RedirectGateway(false, Set.of(RedirectFlag.DEF1))), p.redirects());
        assertEquals(Optional.of(new RouteGateway.Address(new RouteAddress.Literal((java.net.Inet4Address) ip("198.19.0.1")))),
                p.routeGateway());
        assertEquals(Optional.of(Topology.SUBNET), p.topology());
        assertEquals(OptionalInt.of(10), p.ping());
        assertEquals(Optional.of(new PingTimeout(60, PingTimeout.Action.RESTART)), p.pingTimeout());
        assertEquals(OptionalInt.of(0), p.peerId());
        assertEquals(Optional.of("AES-256-GCM"), p.cipher());
        assertEquals(Set.of(IvProto.CC_EXIT_NOTIFY, IvProto.TLS_KEY_EXPORT, IvProto.DYN_TLS_CRYPT), p.protocolFlags());
        assertEquals(OptionalInt.of(1500), p.tunMtu());
        assertEquals(List.of(), p.problems());
        assertEquals(List.of(), p.notApplied());
        assertEquals(Optional.empty(), p.failure());
    }

    @Test
    void optionsOfContinuedPushRepliesReadAsOnePushNumberedAcrossMessages() {
        ControlRejectCounters rejects = new ControlRejectCounters();
        ControlTextParser parser = new ControlTextParser(rejects);
        PushReplyAssembler a = new PushReplyAssembler(PullFilters.NONE, rejects);
        a.accept((ControlText.PushReply) parser.parse("PUSH_REPLY,route 10.1.0.0 255.255.0.0,bogus 1,push-continuation 2").value());
        a.accept((ControlText.PushReply) parser.parse("PUSH_REPLY,route 10.2.0.0 255.255.0.0,ping 5 6,push-continuation 1").value());
        PushedOptions p = PushedOptions.parse(a.result(), false);
        assertEquals(List.of("10.1.0.0", "10.2.0.0"), p.routes().stream().map(r -> r.network().toString()).toList());
        assertEquals(List.of(
                "Options error: Unrecognized option or missing or extra parameter(s) in [PUSH-OPTIONS]:2: bogus (2.6.14)",
                "Options error: Unrecognized option or missing or extra parameter(s) in [PUSH-OPTIONS]:4: ping (2.6.14)"),
                problems(p));
        assertEquals(List.of(2, 4), p.problems().stream().map(PushProblem::position).toList());
    }

    @Test
    void routeNopullRefusesRouteAndDnsOptionsButKeepsAddressesAndRouteGateways() {
        PushedOptions p = PushedOptions.parse(List.of("route 10.1.0.0 255.255.0.0", "route-ipv6 2001:db8:1::/48",
                "redirect-gateway def1", "route-metric 5", "dhcp-option DNS 10.8.0.1", "dns server 0 address 10.8.0.1",
                "block-ipv6", "route-gateway 10.8.0.1", "route-ipv6-gateway 2001:db8::1", "ifconfig 10.8.0.2 255.255.255.0",
                "topology subnet"), true);
        assertEquals(List.of(
                "Options error: option 'route' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'route-ipv6' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'redirect-gateway' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'route-metric' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'dhcp-option' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'dns' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'block-ipv6' cannot be used in this context ([PUSH-OPTIONS])"), problems(p));
        assertEquals(List.of(), p.routes());
        assertEquals(List.of(), p.redirects());
        assertEquals(Optional.of(ip("2001:db8::1")), p.routeIpv6Gateway().map(InetAddress.class::cast));
        assertTrue(p.routeGateway().isPresent());
        assertTrue(p.ifconfig().isPresent());
    }

    @Test
    void wrongArgumentCountIsUnrecognizedBeforeAnyPermissionCheck() {
        PushedOptions p = PushedOptions.parse(List.of("route 1.2.3.0 255.255.255.0 1.2.3.1 5 6", "topology"), true);
        assertEquals(List.of(
                "Options error: Unrecognized option or missing or extra parameter(s) in [PUSH-OPTIONS]:1: route (2.6.14)",
                "Options error: Unrecognized option or missing or extra parameter(s) in [PUSH-OPTIONS]:2: topology (2.6.14)"),
                problems(p));
    }

    @Test
    void optionsAClientNeverTakesFromAServerAreRefusedAndUnknownOnesUnrecognized() {
        PushedOptions p = push("setenv FOO bar", "client-to-client", "data-ciphers AES-128-GCM", "pull", "frobnicate 1");
        assertEquals(List.of(
                "Options error: option 'setenv' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'client-to-client' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'data-ciphers' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: option 'pull' cannot be used in this context ([PUSH-OPTIONS])",
                "Options error: Unrecognized option or missing or extra parameter(s) in [PUSH-OPTIONS]:5: frobnicate (2.6.14)"),
                problems(p));
    }

    @Test
    void malformedAddressesAreRefusedOneByOneAndTheRestApplies() {
        PushedOptions p = push("ifconfig 10.8.0.2 255.255.255", "route 10.0.0.0 255.0.0.0 default", "route host.example",
                "route 10.1.0.0 255.255.0.0", "route 10.2.0.0 255.255.0.0 10.8.0.1 -3", "route-gateway gw.example",
                "ifconfig-ipv6 2001:db8::2/63 2001:db8::1", "ifconfig-ipv6 2001:db8::2 fe80::1%eth0",
                "route-ipv6 2001:db8:1::/129", "route-ipv6-gateway 10.8.0.1", "topology star");
        assertEquals(List.of(
                "Options error: ifconfig parms '10.8.0.2' and '255.255.255' must be valid addresses",
                "Options error: route parameter gateway 'default' must be a valid address",
                "Options error: route parameter network/IP 'host.example' must be a valid address",
                "OpenVPN ROUTE: route metric for network 10.2.0.0 (-3) must be >= 0",
                "Options error: route-gateway parm 'gw.example' must be a valid address",
                "Options error: ifconfig-ipv6: /netbits must be between 64 and 124, not '/63'",
                "Options error: ifconfig-ipv6 parms '2001:db8::2' and 'fe80::1%eth0' must be valid addresses",
                "Options error: route-ipv6 parameter network/IP '2001:db8:1::/129' must be a valid address",
                "Options error: route-ipv6-gateway parm '10.8.0.1' must be a valid address",
                "Options error: --topology must be net30, p2p, or subnet"), problems(p));
        assertEquals(List.of("10.1.0.0"), p.routes().stream().map(r -> r.network().toString()).toList());
        assertEquals(Optional.empty(), p.ifconfig());
        assertEquals(Optional.empty(), p.ifconfigIpv6());
        assertEquals(Optional.empty(), p.topology());
    }

    @Test
    void routesKeepSpecialWordsForThePlanToResolve() {
        PushedOptions p = push("route remote_host 255.255.255.255 net_gateway", "route 10.3.0.0 255.255.0.0 vpn_gateway 7");
        assertEquals(List.of(
                new RouteIpv4(new RouteAddress.Special(SpecialAddress.REMOTE_HOST),
                        Optional.of((java.net.Inet4Address) ip("255.255.255.255")),
                        Optional.of(new RouteAddress.Special(SpecialAddress.NET_GATEWAY)), OptionalInt.empty()),
                new RouteIpv4(new RouteAddress.Literal((java.net.Inet4Address) ip("10.3.0.0")),
                        Optional.of((java.net.Inet4Address) ip("255.255.0.0")),
                        Optional.of(new RouteAddress.Special(SpecialAddress.VPN_GATEWAY)), OptionalInt.of(7))), p.routes());
    }

    @Test
    void ipv6PrefixesWithoutBitsAreSlash64AndIfconfigIpv6TakesOnly64To124() {
        PushedOptions p = push("ifconfig-ipv6 2001:db8::1000 2001:db8::1", "route-ipv6 2001:db8:5::", "route-ipv6 ::/0");
        assertEquals(Optional.of(new IfconfigIpv6((java.net.Inet6Address) ip("2001:db8::1000"), 64,
                (java.net.Inet6Address) ip("2001:db8::1"))), p.ifconfigIpv6());
        assertEquals(List.of(64, 0), p.routesIpv6().stream().map(RouteIpv6::prefixLength).toList());
        // "default" is a configuration file's word; a pushed gateway must be an address.
        assertEquals(List.of("Options error: route-ipv6 parameter gateway 'default' must be a valid address"),
                problems(push("route-ipv6 ::/0 default 3")));
        assertEquals(List.of(), problems(push("ifconfig-ipv6 2001:db8::2/124 2001:db8::1")));
    }

    @Test
    void theLaterOfPingRestartAndPingExitWinsBecauseTheyShareOneTimer() {
        assertEquals(Optional.of(new PingTimeout(60, PingTimeout.Action.RESTART)),
                push("ping-exit 120", "ping-restart 60").pingTimeout());
        assertEquals(Optional.of(new PingTimeout(120, PingTimeout.Action.EXIT)),
                push("ping-restart 60", "ping-exit 120").pingTimeout());
    }

    @Test
    void numbersAreReadAsTheCLibraryReadsThem() {
        PushedOptions p = push("ping 10s", "ping-restart -5", "peer-id 7x", "route-metric -3", "inactive 300 -1",
                "tun-mtu 1400 1450", "session-timeout 4294967297", "explicit-exit-notify");
        assertEquals(OptionalInt.of(10), p.ping());
        assertEquals(Optional.of(new PingTimeout(0, PingTimeout.Action.RESTART)), p.pingTimeout());
        assertEquals(OptionalInt.of(7), p.peerId());
        assertEquals(OptionalInt.of(0), p.routeMetric());
        assertEquals(Optional.of(new Inactivity(300, 0)), p.inactivity());
        assertEquals(OptionalInt.of(1400), p.tunMtu());
        assertEquals(OptionalInt.of(1), p.sessionTimeout());
        assertEquals(OptionalInt.of(1), p.explicitExitNotify());
        assertEquals(OptionalInt.of(3), push("explicit-exit-notify 3").explicitExitNotify());
    }

    @Test
    void redirectFlagsBeforeAnUnknownFlagStillCount() {
        PushedOptions p = push("redirect-gateway def1 bogus ipv6", "redirect-private local");
        assertEquals(List.of(new RedirectGateway(false, Set.of(RedirectFlag.DEF1)),
                new RedirectGateway(true, Set.of(RedirectFlag.LOCAL))), p.redirects());
        assertEquals(List.of("Options error: unknown --redirect-gateway flag: bogus"), problems(p));
    }

    @Test
    void dnsServersGroupByPriorityInAscendingOrder() {
        PushedOptions p = push("dns server 1 address 10.8.0.53 [2001:db8::53]:853", "dns server 0 address 10.8.0.54:5353",
                "dns server 1 transport DoT", "dns server 1 sni dns.example", "dns server 1 dnssec optional",
                "dns server 1 resolve-domains a.example b.example", "dns search-domains corp.example lab.example");
        assertEquals(List.of(
                new DnsServer(0, List.of(new DnsServer.Address(ip("10.8.0.54"), OptionalInt.of(5353))), List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty()),
                new DnsServer(1, List.of(new DnsServer.Address(ip("10.8.0.53"), OptionalInt.empty()),
                        new DnsServer.Address(ip("2001:db8::53"), OptionalInt.of(853))), List.of("a.example", "b.example"),
                        Optional.of(DnsServer.Security.OPTIONAL), Optional.of(DnsServer.Transport.TLS),
                        Optional.of("dns.example"))), p.dnsServers());
        assertEquals(List.of("corp.example", "lab.example"), p.dnsSearchDomains());
        assertEquals(List.of(), problems(p));
    }

    @Test
    void aPushedDnsServerWithoutAddressFailsTheWholePush() {
        PushedOptions p = push("dns server 2 transport DoH", "route 10.1.0.0 255.255.0.0");
        assertEquals(Optional.of("ERROR: dns server 2 does not have an address assigned"), p.failure());
        // A malformed line still creates its server, as dns.c does, so it fails the push too.
        assertEquals(Optional.of("ERROR: dns server 3 does not have an address assigned"),
                push("dns server 3 transport carrier-pigeon").failure());
    }

    @Test
    void malformedDnsValuesAreRefusedWithOpenVpnsWords() {
        PushedOptions p = push("dns server -1 address 10.8.0.53", "dns server 1 address 10.8.0.53:0",
                "dns server 1 address 10.8.0.53 2001:db8::1:53", "dns server 1 transport DoQ", "dns server 1 dnssec maybe",
                "dns server 1 sni a b", "dns resolve x", "dns server 1 address 1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4 1.1.1.5 "
                        + "1.1.1.6 1.1.1.7 1.1.1.8");
        assertEquals(List.of(
                "Options error: --dns server: invalid priority value '-1'",
                "Options error: --dns server 1: malformed address or maximum exceeded '10.8.0.53:0'",
                "Options error: --dns server 1: malformed transport value 'DoQ'",
                "Options error: --dns server 1: malformed dnssec value 'maybe'",
                "Options error: --dns server 1: unknown option type 'sni' or missing or unknown parameter",
                "Options error: --dns: unknown option type 'resolve' or missing or unknown parameter",
                "Options error: --dns server 1: malformed address or maximum exceeded '1.1.1.7'"), problems(p));
        // "2001:db8::1:53" is an IPv6 address (a port needs brackets); addresses before a bad one stay.
        assertEquals(8, p.dnsServers().get(0).addresses().size());
        assertEquals(ip("2001:db8::1:53"), p.dnsServers().get(0).addresses().get(1).address());
    }

    @Test
    void ncpOptionsCollectProtocolFlagsAndReportUnknownOnes() {
        PushedOptions p = push("key-derivation tls-ekm", "protocol-flags cc-exit foo", "key-derivation foo");
        assertEquals(Set.of(IvProto.TLS_KEY_EXPORT, IvProto.CC_EXIT_NOTIFY), p.protocolFlags());
        assertEquals(List.of("Options error: Unknown protocol-flags flag: foo",
                "Options error: Unknown key-derivation method foo"), problems(p));
    }

    @Test
    void compressionIsKeptAsPushedAndFramingOnlyFormsAreRecognised() {
        assertTrue(push("compress stub-v2").compression().orElseThrow().framingOnly());
        assertTrue(push("comp-lzo no").compression().orElseThrow().framingOnly());
        assertTrue(push("compress").compression().orElseThrow().framingOnly());
        assertFalse(push("compress lz4-v2").compression().orElseThrow().framingOnly());
        assertFalse(push("comp-lzo").compression().orElseThrow().framingOnly());
        assertEquals(List.of("Options error: bad comp option: zstd",
                "Options error: bad comp-lzo option: maybe -- must be 'yes', 'no', or 'adaptive'"),
                problems(push("compress zstd", "comp-lzo maybe")));
    }

    @Test
    void echoSetenvSafeAndTokensAreKeptForTheEngine() {
        String longName = "N".repeat(56);
        PushedOptions p = push("echo msg hello  world", "setenv-safe FOO bar", "setenv-safe EMPTY", "setenv-safe " + longName + " x",
                "auth-token SESS_ID_abc", "auth-token-user dXNlcg==", "persist-tun", "block-outside-dns");
        assertEquals(List.of("msg hello world"), p.echo());
        assertEquals(List.of(new SetenvSafe("FOO", "bar"), new SetenvSafe("EMPTY", "")), p.setenv());
        assertEquals("OPENVPN_FOO", p.setenv().get(0).variableName());
        assertEquals(List.of("setenv_str_safe: name overflow"), problems(p));
        assertEquals(Optional.of("SESS_ID_abc"), p.authToken());
        assertEquals(Optional.of("dXNlcg=="), p.authTokenUser());
        assertTrue(p.persistTun());
        assertTrue(p.blockOutsideDns());
        assertEquals(List.of(), problems(push("setenv-safe " + "N".repeat(55) + " x")));
    }

    @Test
    void acceptedOptionsWithoutEffectAreListedAndLinuxIgnoresTunIpv6Silently() {
        PushedOptions p = push("sndbuf 393216", "verb 3", "route-delay 2", "shaper 1000", "register-dns", "tun-ipv6",
                "max-routes 200");
        assertEquals(List.of("sndbuf 393216", "verb 3", "route-delay 2", "shaper 1000", "register-dns", "max-routes 200"),
                p.notApplied());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void anOptionTheTokenizerRefusesIsSkippedAndCommentsAreNothing() {
        PushedOptions p = push("echo \"unterminated", "# a comment", "ping 5");
        assertEquals(List.of("Options error: cannot parse option: echo \"unterminated"), problems(p));
        assertEquals(OptionalInt.of(5), p.ping());
    }
}
