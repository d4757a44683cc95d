package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server helpers expand exactly as OpenVPN 2.6's helper does. */
class HelperExpansionTest {

    @TempDir
    Path dir;

    private OpenVpnConfig parse(String text) throws ConfigException {
        return Fixtures.parse(dir, text);
    }

    @Test
    void net30TunServerReservesFourAddressesAtEachEnd() throws ConfigException {
        Network n = parse("dev tun\ntopology net30\nserver 10.8.0.0 255.255.255.0\n").network();
        assertEquals(Optional.of(new Ifconfig("10.8.0.1", "10.8.0.2")), n.ifconfig());
        assertEquals(Optional.of(new IfconfigPool("10.8.0.4", "10.8.0.251", Optional.empty())), n.ifconfigPool());
        assertEquals(List.of("route 10.8.0.1", "topology net30"), n.push());
        assertEquals(List.of(new Route("10.8.0.0", Optional.of("255.255.255.0"), Optional.empty(), Optional.empty())),
                n.routes());
    }

    @Test
    void withoutTopologyTheServerHelperUsesSubnetAsOpenVpn27Does() throws ConfigException {
        Network n = parse("dev tun\nserver 10.8.0.0 255.255.255.0\n").network();
        assertEquals(Topology.SUBNET, n.topology());
        assertEquals(Optional.of(new Ifconfig("10.8.0.1", "255.255.255.0")), n.ifconfig());
        assertTrue(n.push().contains("topology subnet"), n.push().toString());
    }

    @Test
    void slash29TunServerKeepsTheWholeTail() throws ConfigException {
        Network n = parse("dev tun\ntopology net30\nserver 10.8.0.0 255.255.255.248\n").network();
        assertEquals(Optional.of(new IfconfigPool("10.8.0.4", "10.8.0.7", Optional.empty())), n.ifconfigPool());
    }

    @Test
    void p2pTopologyPushesNoRouteWithoutClientToClient() throws ConfigException {
        Network n = parse("dev tun\ntopology p2p\nserver 10.8.0.0 255.255.255.0\n").network();
        assertEquals(List.of("topology p2p"), n.push());
    }

    @Test
    void subnetTunServerUsesTheNetmaskAndDefaultsTheRouteGateway() throws ConfigException {
        Network n = parse("dev tun\ntopology subnet\nserver 10.8.0.0 255.255.255.0\n").network();
        assertEquals(Optional.of(new Ifconfig("10.8.0.1", "255.255.255.0")), n.ifconfig());
        assertEquals(Optional.of(new IfconfigPool("10.8.0.2", "10.8.0.254", Optional.of("255.255.255.0"))),
                n.ifconfigPool());
        assertEquals(List.of("route-gateway 10.8.0.1", "topology subnet"), n.push());
        assertEquals(Optional.of("10.8.0.2"), n.routeGateway());
        assertEquals(List.of(), n.routes());
    }

    @Test
    void explicitRouteGatewayWinsOverTheHelperDefault() throws ConfigException {
        assertEquals(Optional.of("10.8.0.99"), parse("dev tun\ntopology subnet\nroute-gateway 10.8.0.99\n"
                + "server 10.8.0.0 255.255.255.0\n").network().routeGateway());
    }

    @Test
    void tapServerPushesTheGatewayButNoTopology() throws ConfigException {
        Network n = parse("dev tap\nserver 10.8.0.0 255.255.255.0\n").network();
        assertEquals(Optional.of(new Ifconfig("10.8.0.1", "255.255.255.0")), n.ifconfig());
        assertEquals(List.of("route-gateway 10.8.0.1"), n.push());
    }

    @Test
    void nopoolLeavesThePoolToTheUser() throws ConfigException {
        Network n = parse("dev tun\nmode server\nserver 10.8.0.0 255.255.255.0 nopool\nifconfig-pool 10.8.0.100 10.8.0.150\n")
                .network();
        assertEquals(Optional.of(new IfconfigPool("10.8.0.100", "10.8.0.150", Optional.empty())), n.ifconfigPool());
    }

    @Test
    void serverIpv6SmallNetworksStartThePoolAtPlusTwo() throws ConfigException {
        Network n = parse("dev tun\nserver-ipv6 2001:db8:0:1::/112\n").network();
        assertEquals(Optional.of("2001:db8:0:1::1/112"), n.ifconfigIpv6());
        assertEquals(Optional.of("2001:db8:0:1::2/112"), n.ifconfigIpv6Pool());
        assertEquals(List.of("tun-ipv6"), n.push());
    }

    @Test
    void serverIpv6LargeNetworksStartThePoolAt0x1000() throws ConfigException {
        assertEquals(Optional.of("2001:db8::1000/64"), parse("dev tun\nserver-ipv6 2001:db8::/64\n").network()
                .ifconfigIpv6Pool());
    }

    @Test
    void bridgeWithoutAddressesPushesDhcpGatewayUnlessNogw() throws ConfigException {
        assertEquals(List.of("route-gateway dhcp"), parse("dev tap\nserver-bridge\n").network().push());
        assertEquals(List.of(), parse("dev tap\nserver-bridge nogw\n").network().push());
    }

    @Test
    void clientHelperMeansPullAndTlsClient() throws ConfigException {
        OpenVpnConfig c = parse("client\ndev tun\nremote a\n");
        assertEquals(Mode.CLIENT, c.mode());
        assertEquals(TlsRole.CLIENT, c.controlChannel().role());
    }

    @Test
    void keepaliveOnAClientIsUsedAsIs() throws ConfigException {
        assertEquals(new Liveness(10, 60, 0, false, 0), parse("client\ndev tun\nremote a\nkeepalive 10 60\n").liveness());
    }

    @Test
    void keepaliveOnAServerDoublesTheRestartAndPushesTheOriginal() throws ConfigException {
        OpenVpnConfig c = parse("dev tun\ntopology subnet\nserver 10.8.0.0 255.255.255.0\nkeepalive 5 30\n");
        assertEquals(new Liveness(5, 60, 0, false, 0), c.liveness());
        assertEquals(List.of("route-gateway 10.8.0.1", "topology subnet", "ping 5", "ping-restart 30"),
                c.network().push());
    }

    @Test
    void tcpNodelayIsPushedByAServer() throws ConfigException {
        assertEquals(List.of("route-gateway 10.8.0.1", "socket-flags TCP_NODELAY"),
                parse("dev tap\nserver 10.8.0.0 255.255.255.0\ntcp-nodelay\n").network().push());
    }

    @Test
    void pushResetAndPushRemoveEditTheExplicitList() throws ConfigException {
        OpenVpnConfig c = parse("dev tap\nserver 10.8.0.0 255.255.255.0\npush \"route 1.1.1.0 255.255.255.0\"\n"
                + "push-reset\npush \"dhcp-option DNS 1.1.1.1\"\npush \"route 2.2.2.0 255.255.255.0\"\npush-remove route\n");
        assertEquals(List.of("dhcp-option DNS 1.1.1.1", "route-gateway 10.8.0.1"), c.network().push());
    }

    @Test
    void tcpIsResolvedPerSide() throws ConfigException {
        assertEquals(Proto.TCP_CLIENT, parse("client\ndev tun\nproto tcp\nremote a\n").transport().connections().get(0)
                .proto());
    }
}
