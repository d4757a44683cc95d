package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ClientConfigFile.PushEdit;
import io.sluice.config.ClientConfigFile.PushEdit.Kind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typical client-config-dir files and what the server gets from them. */
class ClientConfigFileTest {

    private static ClientConfigFile parse(String text) throws ConfigException {
        return ClientConfigFile.parse(text, "ccd/alice");
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    @Test
    void aFixedAddressInASubnetTopologyIsAnAddressAndANetmask() throws Exception {
        ClientConfigFile f = parse("# alice always gets .10\nifconfig-push 10.8.0.10 255.255.255.0\n");

        ClientConfigFile.IfconfigPush p = f.ifconfigPush().orElseThrow();
        assertEquals(ip("10.8.0.10"), p.local());
        assertEquals(ip("255.255.255.0"), p.remoteOrNetmask());
        assertEquals(Optional.empty(), p.alias());
        assertEquals(2, p.line().location().line());
        assertEquals(Optional.empty(), p.problemFor(Topology.SUBNET));
        assertTrue(p.problemFor(Topology.NET30).isPresent());
        assertFalse(f.disabled());
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void aFixedAddressInANet30TopologyIsTheClientAndServerEndOfOneSlash30() throws Exception {
        ClientConfigFile.IfconfigPush p = parse("ifconfig-push 10.8.0.9 10.8.0.10\n").ifconfigPush().orElseThrow();

        assertEquals(ip("10.8.0.9"), p.local());
        assertEquals(ip("10.8.0.10"), p.remoteOrNetmask());
        assertEquals(Optional.empty(), p.problemFor(Topology.NET30));
        assertEquals(Optional.of("with topology subnet the second address must be a netmask from /1 to /30, not"
                + " 10.8.0.10"), p.problemFor(Topology.SUBNET));
        assertEquals(Optional.empty(), p.problemFor(Topology.P2P));
    }

    @Test
    void topologyChecksNameAddressesThatCannotWork() throws Exception {
        assertEquals(Optional.of("with topology net30 the two addresses must be the two host addresses of one /30"
                + " (such as 10.8.0.5 10.8.0.6), not 10.8.0.10 10.8.0.11"),
                parse("ifconfig-push 10.8.0.10 10.8.0.11\n").ifconfigPush().orElseThrow().problemFor(Topology.NET30));
        assertTrue(parse("ifconfig-push 10.8.0.6 10.8.0.9\n").ifconfigPush().orElseThrow()
                .problemFor(Topology.NET30).isPresent(), "two different /30s");
        assertEquals(Optional.of("10.8.0.255 is the network or broadcast address of its /24"),
                parse("ifconfig-push 10.8.0.255 255.255.255.0\n").ifconfigPush().orElseThrow()
                        .problemFor(Topology.SUBNET));
        assertTrue(parse("ifconfig-push 10.8.0.0 255.255.255.0\n").ifconfigPush().orElseThrow()
                .problemFor(Topology.SUBNET).isPresent());
        assertTrue(parse("ifconfig-push 10.8.0.10 255.0.255.0\n").ifconfigPush().orElseThrow()
                .problemFor(Topology.SUBNET).isPresent(), "not a contiguous netmask");
        assertEquals(Optional.of("the local and remote addresses are the same"),
                parse("ifconfig-push 10.8.0.1 10.8.0.1\n").ifconfigPush().orElseThrow().problemFor(Topology.P2P));
    }

    @Test
    void anAliasIsTheClientsOwnViewBehindNat() throws Exception {
        ClientConfigFile.IfconfigPush p = parse("ifconfig-push 10.8.0.10 255.255.255.0 192.168.1.5\n")
                .ifconfigPush().orElseThrow();
        assertEquals(Optional.of(ip("192.168.1.5")), p.alias());
    }

    @Test
    void theLastIfconfigPushCounts() throws Exception {
        ClientConfigFile f = parse("ifconfig-push 10.8.0.10 255.255.255.0\nifconfig-push 10.8.0.20 255.255.255.0\n");
        assertEquals(ip("10.8.0.20"), f.ifconfigPush().orElseThrow().local());
        assertEquals(2, f.ifconfigPush().orElseThrow().line().location().line());
    }

    @Test
    void aFixedIpv6AddressHasItsPrefixAndOptionallyTheServerSide() throws Exception {
        ClientConfigFile.IfconfigIpv6Push p = parse("ifconfig-ipv6-push 2001:db8::100/64 2001:db8::1\n")
                .ifconfigIpv6Push().orElseThrow();
        assertEquals(ip("2001:db8::100"), p.local());
        assertEquals(64, p.prefixLength());
        assertEquals(Optional.of(ip("2001:db8::1")), p.remote());

        ClientConfigFile.IfconfigIpv6Push bare = parse("ifconfig-ipv6-push fd00:8::10\n").ifconfigIpv6Push()
                .orElseThrow();
        assertEquals(64, bare.prefixLength(), "OpenVPN reads an address without /bits as /64");
        assertEquals(Optional.empty(), bare.remote(), "the server then uses its own ifconfig-ipv6 address");
        assertEquals(112, parse("ifconfig-ipv6-push fd00:8::10/112\n").ifconfigIpv6Push().orElseThrow()
                .prefixLength());
    }

    @Test
    void anIpv4MappedIpv6AddressStaysAnIpv6Address() throws Exception {
        ClientConfigFile.IfconfigIpv6Push p = parse("ifconfig-ipv6-push ::ffff:10.8.0.10/96\n").ifconfigIpv6Push()
                .orElseThrow();
        assertInstanceOf(java.net.Inet6Address.class, p.local());
    }

    @Test
    void iroutesOfASiteBehindTheClientKeepTheirOrderAndPrefixes() throws Exception {
        ClientConfigFile f = parse("""
                # the office LAN behind alice
                iroute 192.168.10.0 255.255.255.0
                iroute 192.168.20.1
                iroute 0.0.0.0 0.0.0.0
                iroute-ipv6 2001:db8:10::/48
                iroute-ipv6 fd00:1::
                """);

        assertEquals(3, f.iroutes().size());
        assertEquals(ip("192.168.10.0"), f.iroutes().get(0).network());
        assertEquals(24, f.iroutes().get(0).prefixLength());
        assertEquals(ip("192.168.20.1"), f.iroutes().get(1).network());
        assertEquals(32, f.iroutes().get(1).prefixLength(), "no netmask: a host route");
        assertEquals(0, f.iroutes().get(2).prefixLength());
        assertEquals(ip("2001:db8:10::"), f.iroutesIpv6().get(0).network());
        assertEquals(48, f.iroutesIpv6().get(0).prefixLength());
        assertEquals(64, f.iroutesIpv6().get(1).prefixLength(), "no /bits: /64, as OpenVPN reads it");
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void iroutesWithHostBitsRouteTheirNetworkWithAWarning() throws Exception {
        ClientConfigFile f = parse("iroute 192.168.10.7 255.255.255.0\niroute-ipv6 2001:db8:10::1/48\n");

        assertEquals(ip("192.168.10.0"), f.iroutes().get(0).network());
        assertEquals(ip("2001:db8:10::"), f.iroutesIpv6().get(0).network());
        assertEquals(List.of(
                "ccd/alice:1: option 'iroute': 192.168.10.7/24 has host bits set; routing 192.168.10.0/24",
                "ccd/alice:2: option 'iroute-ipv6': 2001:db8:10::1/48 has host bits set; routing 2001:db8:10::/48"),
                f.warnings());
    }

    @Test
    void pushResetRemoveAndPushAreEditsInFileOrder() throws Exception {
        ClientConfigFile f = parse("""
                push "route 192.168.50.0 255.255.255.0"
                push-remove dhcp-option
                push-reset
                push "dhcp-option DNS 10.8.0.1"
                push-remove "route-ipv6 2001:"
                """);

        assertEquals(List.of(Kind.PUSH, Kind.REMOVE, Kind.RESET, Kind.PUSH, Kind.REMOVE),
                f.pushEdits().stream().map(PushEdit::kind).toList());
        assertEquals(List.of("route 192.168.50.0 255.255.255.0", "dhcp-option", "", "dhcp-option DNS 10.8.0.1",
                "route-ipv6 2001:"), f.pushEdits().stream().map(PushEdit::argument).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), f.pushEdits().stream().map(e -> e.line().location().line()).toList());
    }

    @Test
    void anIfconfigIpv6PushLiftsAnEarlierPushRemoveIfconfigIpv6ButNotALaterOne() throws Exception {
        ClientConfigFile lifted = parse("push-remove ifconfig-ipv6\nifconfig-ipv6-push fd00::10/64 fd00::1\n");
        assertEquals(List.of(), lifted.pushEdits());

        ClientConfigFile kept = parse("ifconfig-ipv6-push fd00::10/64 fd00::1\npush-remove ifconfig-ipv6\n");
        assertEquals(List.of("ifconfig-ipv6"), kept.pushEdits().stream().map(PushEdit::argument).toList());

        ClientConfigFile v4 = parse("push-remove ifconfig\nifconfig-ipv6-push fd00::10/64 fd00::1\n");
        assertEquals(List.of("ifconfig"), v4.pushEdits().stream().map(PushEdit::argument).toList(),
                "only the IPv6 block is lifted");
    }

    @Test
    void disableRefusesTheClient() throws Exception {
        assertTrue(parse("# lost laptop: use a CRL for keys, this is for the account\ndisable\n").disabled());
    }

    @Test
    void anEmptyFileOrOneWithOnlyCommentsSaysNothing() throws Exception {
        for (String text : List.of("", "\n\n", "# nothing yet\n; nor here\n   \n")) {
            ClientConfigFile f = parse(text);
            assertFalse(f.disabled());
            assertEquals(Optional.empty(), f.ifconfigPush());
            assertEquals(Optional.empty(), f.ifconfigIpv6Push());
            assertEquals(List.of(), f.iroutes());
            assertEquals(List.of(), f.iroutesIpv6());
            assertEquals(List.of(), f.pushEdits());
            assertEquals(List.of(), f.lines());
        }
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndDoubleDashesAreReadAsOpenVpnReadsThem() throws Exception {
        ClientConfigFile f = parse("\uFEFF--ifconfig-push 10.8.0.10 255.255.255.0\r\n--iroute 10.9.0.0 255.255.0.0\r\n");
        assertEquals(ip("10.8.0.10"), f.ifconfigPush().orElseThrow().local());
        assertEquals(16, f.iroutes().get(0).prefixLength());
    }

    @Test
    void setenvOptAppliesSupportedOptionsAndDropsOthersWithAWarning() throws Exception {
        ClientConfigFile f = parse("""
                setenv opt iroute 10.9.0.0 255.255.255.0
                setenv opt ping 10
                setenv opt frobnicate 1
                """);

        assertEquals(1, f.iroutes().size());
        assertTrue(f.lines().get(0).setenvOpt());
        assertEquals(List.of(
                "ccd/alice:2: option 'ping': not supported by Sluice yet in a client-config-dir file; ignored"
                        + " (setenv opt)",
                "ccd/alice:3: option 'frobnicate': unknown option; ignored (setenv opt)"), f.warnings());
        assertEquals(1, f.lines().size());
    }

    @Test
    void theCorpusNet30ServersFileForAliceFitsItsTopology() throws Exception {
        OpenVpnConfig server = ConfigParser.parseFile(Corpus.dir().resolve("server-tcp-net30.conf"), Corpus.dir());
        Path ccd = Corpus.dir().resolve(server.last("client-config-dir").orElseThrow().args().get(0));

        ClientConfigFile.IfconfigPush p = ClientConfigFile.read(ccd, "alice").orElseThrow().ifconfigPush()
                .orElseThrow();

        assertEquals(Topology.NET30, server.network().topology());
        assertEquals(Optional.empty(), p.problemFor(server.network().topology()));
        assertEquals(ip("10.9.0.9"), p.local());
    }

    @Test
    void linesAreTheAppliedOptionsInFileOrder() throws Exception {
        ClientConfigFile f = parse("disable\niroute 10.9.0.0\npush \"ping 10\"\n");
        assertEquals(List.of("disable", "iroute", "push"), f.lines().stream().map(OptionLine::name).toList());
        assertEquals("ccd/alice", f.fileName());
    }
}
