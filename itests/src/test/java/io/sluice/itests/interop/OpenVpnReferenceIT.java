package io.sluice.itests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.Commands;
import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.Iperf3;
import io.sluice.itests.net.Iperf3Result;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnKeys;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.PingResult;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.TestPki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The reference every interop test is measured against: Debian's OpenVPN 2.6 on <em>both</em> sides,
 * server and client in separate namespaces joined by a veth pair with 198.18.x.x / fd18:: underlay
 * addresses, kernel TUN, TLS with certificates from {@link TestPki}, AES-256-GCM. Traffic must flow
 * through the tunnel (ping both ways, a short iperf3 run). Later tests replace one side with Sluice and
 * keep the rest; if this test fails, the machine or the harness is broken, not Sluice.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenVpnReferenceIT {

    private static final Duration T = Duration.ofSeconds(10);
    private static final Pattern AES_256_GCM = Pattern.compile("Data Channel: [Cc]ipher 'AES-256-GCM'");

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
        String version = Commands.run(T, Commands.path("openvpn"), "--version").output();
        assertTrue(version.startsWith("OpenVPN 2.6."), "the reference peer must be OpenVPN 2.6, found: " + version);
    }

    @Test
    void udpOverIpv4(TestInfo info) throws Exception {
        runTunnel(info, Variant.UDP4);
    }

    @Test
    void tcpOverIpv4WithTlsCrypt(TestInfo info) throws Exception {
        runTunnel(info, Variant.TCP4_TLS_CRYPT);
    }

    @Test
    void udpOverIpv6UnderlayWithIpv6InTheTunnelAndRsaKeys(TestInfo info) throws Exception {
        runTunnel(info, Variant.UDP6);
    }

    @Test
    void peerFingerprintWithSelfSignedCertificates(TestInfo info) throws Exception {
        runTunnel(info, Variant.PEER_FINGERPRINT);
    }

    private enum Variant {
        UDP4("udp", "udp", false, false),
        TCP4_TLS_CRYPT("tcp-server", "tcp-client", false, false),
        UDP6("udp6", "udp6", true, false),
        PEER_FINGERPRINT("udp", "udp", false, true);

        final String serverProto;
        final String clientProto;
        final boolean ipv6;
        final boolean fingerprint;

        Variant(String serverProto, String clientProto, boolean ipv6, boolean fingerprint) {
            this.serverProto = serverProto;
            this.clientProto = clientProto;
            this.ipv6 = ipv6;
            this.fingerprint = fingerprint;
        }
    }

    private static void runTunnel(TestInfo info, Variant v) throws Exception {
        String test = "OpenVpnReferenceIT-" + info.getTestMethod().orElseThrow().getName();
        try (NetLab lab = NetLab.open(test)) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            String serverUnderlay = v.ipv6 ? link.a().v6() : link.a().v4();
            String clientUnderlay = v.ipv6 ? link.b().v6() : link.b().v4();

            TestPki pki = TestPki.create(lab.dir().resolve("pki"),
                    v == Variant.UDP6 ? TestPki.KeyType.RSA_2048 : TestPki.KeyType.EC_P256);
            IssuedCert serverCert = v.fingerprint ? pki.selfSignedServer("server") : pki.server("server");
            IssuedCert clientCert = v.fingerprint ? pki.selfSignedClient("alice") : pki.client("alice");
            String serverTrust = v.fingerprint
                    ? "peer-fingerprint " + clientCert.sha256Fingerprint()
                    : "ca " + OpenVpnPeer.quote(pki.caCert()) + "\nremote-cert-tls client";
            String clientTrust = v.fingerprint
                    ? "peer-fingerprint " + serverCert.sha256Fingerprint()
                    : "ca " + OpenVpnPeer.quote(pki.caCert()) + "\nverify-x509-name server name";
            String tlsCrypt = "";
            if (v == Variant.TCP4_TLS_CRYPT) {
                Path key = OpenVpnKeys.genkey(OpenVpnKeys.Kind.TLS_CRYPT, lab.dir().resolve("tls-crypt.key"));
                tlsCrypt = "tls-crypt " + OpenVpnPeer.quote(key);
            }

            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server", String.join("\n",
                    "# OpenVPN 2.6 reference server (" + v + ")",
                    "dev tun",
                    "proto " + v.serverProto,
                    "local " + serverUnderlay,
                    "port 1194",
                    "topology subnet",
                    "server 10.8.0.0 255.255.255.0",
                    v.ipv6 ? "server-ipv6 fd00:8::/64" : "",
                    serverTrust,
                    "cert " + OpenVpnPeer.quote(serverCert.cert()),
                    "key " + OpenVpnPeer.quote(serverCert.key()),
                    "dh none",
                    "data-ciphers AES-256-GCM",
                    tlsCrypt,
                    "keepalive 10 60",
                    ""));
            OpenVpnPeer client = OpenVpnPeer.start(lab, clientNs, "openvpn-client", String.join("\n",
                    "# OpenVPN 2.6 reference client (" + v + ")",
                    "client",
                    "dev tun",
                    "proto " + v.clientProto,
                    "remote " + serverUnderlay + " 1194",
                    "nobind",
                    clientTrust,
                    "remote-cert-tls server",
                    "cert " + OpenVpnPeer.quote(clientCert.cert()),
                    "key " + OpenVpnPeer.quote(clientCert.key()),
                    "data-ciphers AES-256-GCM",
                    tlsCrypt,
                    ""));

            // The handshake went over the underlay, and the negotiated data channel cipher is AES-256-GCM.
            server.awaitLog(Pattern.compile("alice/.*" + Pattern.quote(clientUnderlay)), T);
            client.awaitLog(AES_256_GCM, T);
            server.awaitLog(AES_256_GCM, T);
            if (v == Variant.TCP4_TLS_CRYPT) {
                // tls-crypt is really on: a client without the key is rejected before TLS even starts.
                OpenVpnPeer intruder = OpenVpnPeer.launch(lab, clientNs, "openvpn-client-without-tls-crypt",
                        client.config().replace(tlsCrypt, "# no tls-crypt key"));
                server.awaitLog(Pattern.compile("tls-crypt unwrap error", Pattern.CASE_INSENSITIVE), T);
                intruder.stop();
            }

            // topology subnet: the client got the first pool address with the server's /24.
            String tun = lab.ip(clientNs, "addr", "show", "dev", "tun0").requireOk().output();
            assertTrue(tun.contains("inet 10.8.0.2/24"), tun);
            // The only way to 10.8.0.1 from the client namespace is the tunnel.
            String route = lab.ip(clientNs, "route", "get", "10.8.0.1").requireOk().output();
            assertTrue(route.contains("dev tun0"), route);

            PingResult toServer = lab.ping(clientNs, "10.8.0.1", 5, T);
            assertEquals(5, toServer.received(), toServer::toString);
            PingResult toClient = lab.ping(serverNs, "10.8.0.2", 3, T);
            assertEquals(3, toClient.received(), toClient::toString);
            if (v.ipv6) {
                assertTrue(tun.contains("inet6 fd00:8::1000/64"), tun);
                PingResult v6 = lab.ping(clientNs, "fd00:8::1", 3, T);
                assertEquals(3, v6.received(), v6::toString);
            }

            Iperf3Result rate = Iperf3.tcp(Duration.ofSeconds(2)).run(lab, serverNs, "10.8.0.1", clientNs);
            assertTrue(rate.receivedBitsPerSecond() > 0, rate::toString);
            System.out.println(test + ": " + rate);

            assertTrue(server.process().isAlive() && client.process().isAlive(), "an OpenVPN peer died");
        }
    }
}
