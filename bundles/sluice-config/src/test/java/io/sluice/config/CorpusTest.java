package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusTest {

    static List<String> corpus() {
        return Corpus.FILES;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusFileParses(String name) throws ConfigException {
        OpenVpnConfig c = Corpus.parse(name);
        assertFalse(c.lines().isEmpty(), name);
    }

    @Test
    void sampleServerIsASubnetServerWithExpandedHelpers() throws ConfigException {
        OpenVpnConfig c = Corpus.parse("server-udp.conf");
        assertEquals(Mode.SERVER, c.mode());
        assertEquals(TlsRole.SERVER, c.controlChannel().role());
        assertEquals(DevType.TUN, c.device().type());
        assertEquals(Topology.SUBNET, c.network().topology());
        assertEquals(Optional.of(new Ifconfig("10.8.0.1", "255.255.255.0")), c.network().ifconfig());
        assertEquals(Optional.of(new IfconfigPool("10.8.0.2", "10.8.0.254", Optional.of("255.255.255.0"))),
                c.network().ifconfigPool());
        assertEquals(List.of("route 192.168.10.0 255.255.255.0", "route 192.168.20.0 255.255.255.0",
                "dhcp-option DNS 208.67.222.222", "route-gateway 10.8.0.1", "topology subnet", "ping 10",
                "ping-restart 120"), c.network().push());
        assertEquals(new Liveness(10, 240, 0, false, 1), c.liveness());
        assertEquals(Optional.of(0), c.controlChannel().keyDirection());
        assertEquals(List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305"), c.dataChannel().dataCiphers());
        assertEquals(Optional.of("AES-256-CBC"), c.dataChannel().cipher());
        assertEquals(Optional.of("SHA256"), c.dataChannel().auth());
        assertEquals(100, c.server().maxClients());
        assertEquals(Optional.of(Corpus.dir().resolve("ipp.txt")), c.server().ifconfigPoolPersist());
        assertEquals(Optional.of(FileOrInline.file(Corpus.dir().resolve("keys/ca.crt"))), c.pki().ca());
        assertEquals(Optional.of("10.8.0.2"), c.network().routeGateway());
        assertEquals(3, c.verb());
        assertTrue(c.process().persistKey() && c.process().persistTun());
        assertEquals(1194, c.transport().localPort());
        assertTrue(c.transport().connections().isEmpty());
    }

    @Test
    void sampleClientPullsAndResolvesItsRemote() throws ConfigException {
        OpenVpnConfig c = Corpus.parse("client.conf");
        assertEquals(Mode.CLIENT, c.mode());
        assertEquals(TlsRole.CLIENT, c.controlChannel().role());
        assertEquals(List.of(new Remote("my-server-1", Optional.of(1194), Optional.empty())), c.transport().remotes());
        Connection conn = c.transport().connections().get(0);
        assertEquals("my-server-1", conn.host());
        assertEquals(1194, conn.port());
        assertEquals(Proto.UDP, conn.proto());
        assertFalse(conn.bind());
        assertEquals(Optional.of("server"), c.controlChannel().remoteCertTls());
        assertEquals(Optional.of(1), c.controlChannel().keyDirection());
        assertEquals(Optional.of("nobody"), c.process().user());
        assertEquals(0, c.liveness().ping(), "a client without keepalive does not ping");
    }

    @Test
    void tcpServerWithNet30AndIpv6ExpandsBothPools() throws ConfigException {
        OpenVpnConfig c = Corpus.parse("server-tcp-net30.conf");
        assertEquals(Proto.TCP, c.transport().proto());
        assertEquals(Topology.NET30, c.network().topology());
        assertEquals(Optional.of(new Ifconfig("10.9.0.1", "10.9.0.2")), c.network().ifconfig());
        assertEquals(Optional.of(new IfconfigPool("10.9.0.4", "10.9.0.251", Optional.empty())), c.network().ifconfigPool());
        assertEquals(List.of(new Route("10.9.0.0", Optional.of("255.255.255.0"), Optional.empty(), Optional.empty())),
                c.network().routes());
        assertEquals(List.of("tun-ipv6", "route 10.9.0.0 255.255.255.0", "topology net30", "ping 10", "ping-restart 60"),
                c.network().push(), "client-to-client pushes the whole network instead of the server address");
        assertEquals(Optional.of("fd00:1::1/64"), c.network().ifconfigIpv6());
        assertEquals(Optional.of("fd00:1::2"), c.network().ifconfigIpv6Remote());
        assertEquals(Optional.of("fd00:1::1000/64"), c.network().ifconfigIpv6Pool());
        assertTrue(c.pki().dhNone());
        assertTrue(c.pki().dh().isEmpty());
        assertTrue(c.server().ccdExclusive() && c.server().duplicateCn() && c.server().clientToClient());
        assertEquals(Optional.of("/etc/openvpn/hooks/connect.sh --verbose"), c.scripts().clientConnect());
        assertEquals(2, c.scripts().scriptSecurity());
        assertEquals(30, c.process().statusSeconds());
        assertTrue(c.process().logAppend());
        assertEquals(Optional.of("1.2"), c.controlChannel().tlsVersionMin());
        assertEquals(443, c.transport().localPort());
    }

    @Test
    void bridgeServerHandsOutTheConfiguredLanSlice() throws ConfigException {
        OpenVpnConfig c = Corpus.parse("server-bridge.conf");
        assertEquals(Mode.SERVER, c.mode());
        assertEquals(DevType.TAP, c.device().type());
        assertEquals(Optional.of(new IfconfigPool("192.168.8.128", "192.168.8.254", Optional.of("255.255.255.0"))),
                c.network().ifconfigPool());
        assertEquals(List.of("route 192.168.8.0 255.255.255.0", "route-gateway 192.168.8.4", "ping 10",
                "ping-restart 120"), c.network().push());
    }

    @Test
    void staticKeyLinkHasNoTlsRoleAndKeepsItsKeyDirection() throws ConfigException {
        OpenVpnConfig c = Corpus.parse("static-p2p.conf");
        assertEquals(Mode.P2P, c.mode());
        assertEquals(TlsRole.NONE, c.controlChannel().role());
        assertEquals(Optional.of(0), c.controlChannel().keyDirection());
        assertEquals(new Liveness(10, 60, 0, false, 0), c.liveness());
        assertTrue(c.transport().floatAllowed());
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("static-p2p.conf:5: option 'secret': deprecated")),
                c.warnings().toString());
    }

    @Test
    void inlineProviderProfileCarriesItsMaterialInline() throws Exception {
        OpenVpnConfig c = Corpus.parse("provider-inline.ovpn");
        assertEquals("-----BEGIN CERTIFICATE-----\nUHJvdmlkZXIgdGVzdCBDQQ==\n-----END CERTIFICATE-----\n",
                c.pki().ca().orElseThrow().read());
        assertTrue(c.pki().cert().orElseThrow().isInline());
        assertTrue(c.controlChannel().tlsCrypt().orElseThrow().isInline());
        assertEquals(FileOrInline.Kind.CONSOLE, c.client().authUserPass().orElseThrow().kind());
        assertEquals(3, c.transport().connections().size());
        assertEquals(Proto.TCP_CLIENT, c.transport().connections().get(1).proto());
        assertEquals(443, c.transport().connections().get(1).port());
        assertTrue(c.transport().remoteRandom());
        assertEquals(Optional.of("SHA512"), c.dataChannel().auth());
        assertEquals(List.of(new PullFilter("ignore", "route-ipv6"), new PullFilter("ignore", "ifconfig-ipv6")),
                c.client().pullFilters());
        assertEquals("name", c.controlChannel().verifyX509Type());
        assertEquals(0, c.renegotiation().renegSec());
        assertTrue(c.last("block-outside-dns").orElseThrow().setenvOpt());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("'provider-telemetry': unknown option; ignored")),
                c.warnings().toString());
    }

    @Test
    void connectionBlocksInheritGlobalsAndKeepTheirOwnSettings() throws Exception {
        OpenVpnConfig c = Corpus.parse("provider-connections.ovpn");
        List<Connection> conns = c.transport().connections();
        assertEquals(2, conns.size());
        assertEquals("primary.example.com", conns.get(0).host());
        assertEquals(2, conns.get(0).explicitExitNotify());
        assertEquals(Proto.TCP_CLIENT, conns.get(1).proto());
        assertFalse(conns.get(1).bind(), "nobind before the blocks applies inside them");
        assertEquals(2, c.connectionBlocks().get(1).options().size());
        assertEquals(14, c.connectionBlocks().get(1).options().get(0).location().line(), "inner lines keep their file line numbers");
        assertEquals(Optional.of(1), c.controlChannel().keyDirection());
        assertEquals("alice\ns3cret\n", c.client().authUserPass().orElseThrow().read());
        assertEquals(Optional.of(List.of("def1", "bypass-dhcp")), c.network().redirectGateway());
        assertEquals("interact", c.client().authRetry());
    }

    @Test
    void windowsProfileWithBomAndCrlfReadsLikeAnyOther() throws Exception {
        OpenVpnConfig c = Corpus.parse("provider-windows.ovpn");
        assertEquals("client", c.lines().get(0).name(), "the byte order mark is not part of the first option");
        assertEquals(Optional.of(1), c.controlChannel().keyDirection());
        FileOrInline ta = c.controlChannel().tlsAuth().orElseThrow();
        assertTrue(ta.isInline(), "tls-auth [inline] refers to the <tls-auth> block");
        assertTrue(ta.read().startsWith("-----BEGIN OpenVPN Static key V1-----\r\n"));
        assertEquals(Optional.of(FileOrInline.file(Corpus.dir().resolve("keys/ca.crt"))), c.pki().ca());
    }
}
