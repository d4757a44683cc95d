package io.sluice.itests.interop;

import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static io.sluice.itests.net.TunnelChecks.awaitPing;
import static io.sluice.itests.net.TunnelChecks.routeDevice;
import static io.sluice.itests.net.TunnelChecks.routes;
import static io.sluice.itests.net.TunnelChecks.tunAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.Iperf3;
import io.sluice.itests.net.Iperf3Result;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NamespaceResolvConf;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/sluice} as the client of Debian's stock OpenVPN 2.6 server (and of Sluice's own
 * server), in network namespaces of the test's own with kernel TUN devices on both sides. The
 * client configurations are the .ovpn profiles an OpenVPN user has; the server configurations
 * are ordinary OpenVPN ones.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SluiceClientIT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** A server.conf for stock OpenVPN; {@code extra} lines are appended. */
    private static String openVpnServer(String proto, String local, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n",
                "port 1194",
                "proto " + proto,
                "local " + local,
                "dev tun",
                "ca " + OpenVpnPeer.quote(pki.caCert()),
                "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()),
                "dh none",
                "keepalive 2 10",
                String.join("\n", extra),
                "verb 4",
                "");
    }

    /** A client profile as a provider hands it out; {@code extra} lines are appended. */
    private static String profile(String proto, String server, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n",
                "client",
                "dev tun",
                "proto " + proto,
                "remote " + server + " 1194",
                "nobind",
                "resolv-retry infinite",
                "persist-key",
                "ca " + OpenVpnPeer.quote(pki.caCert()),
                "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()),
                "remote-cert-tls server",
                "connect-retry 1 2",
                String.join("\n", extra),
                "verb 4",
                "");
    }

    @Test
    void udpClientAppliesPushedAddressesAndRoutesReachesTheLanBehindTheServerAndReconnectsAfterAServerRestart()
            throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-udp")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Ns lanNs = lab.namespace("lan");
            Link wan = lab.link(serverNs, clientNs);
            Link lan = lab.link(serverNs, lanNs);
            lab.enableForwarding(serverNs);
            lab.addRoute(lanNs, "10.8.0.0/24", lan.a().v4());
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            String serverConf = openVpnServer("udp", wan.a().v4(), pki, pki.server("server"),
                    "topology subnet",
                    "server 10.8.0.0 255.255.255.0",
                    "server-ipv6 fd00:8::/64",
                    "push \"route " + network(lan) + " " + netmask(lan.v4Prefix()) + "\"");
            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server", serverConf);
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client",
                    profile("udp", wan.a().v4(), pki, pki.client("alice")));

            // What the server pushed is on the device and in the routing table.
            assertEquals("10.8.0.2", tunAddress(lab, clientNs, "tun0"));
            String addr6 = lab.ip(clientNs, "-6", "addr", "show", "dev", "tun0").requireOk().output();
            assertTrue(addr6.contains("inet6 fd00:8::1000/64"), addr6);
            String table = routes(lab, clientNs, 4);
            assertTrue(table.contains(network(lan) + "/" + lan.v4Prefix() + " via 10.8.0.1 dev tun0"), table);
            client.awaitLog(Pattern.compile("Data Channel: cipher 'AES-256-GCM'"), T);

            // Both ways through the tunnel, IPv4 and IPv6, and on to the LAN behind the server.
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(clientNs, "fd00:8::1", 3, T));
            assertAllReplies(lab.ping(serverNs, "10.8.0.2", 3, T));
            assertAllReplies(lab.ping(clientNs, lan.b().v4(), 3, T));
            assertAllReplies(lab.ping(lanNs, "10.8.0.2", 3, T));

            // The server goes away mid-transfer and comes back: the client notices (ping-restart),
            // reconnects by itself, and the pings running all along are answered again.
            NsProcess pinger = lab.start(clientNs, "ping-through-restart", "ping", "-i", "0.2", "-w", "120",
                    lan.b().v4());
            pinger.awaitLine(Pattern.compile("bytes from"), T);
            int clientMark = client.process().mark();
            assertEquals(0, server.stop(), "OpenVPN stopped");
            int pingMark = pinger.mark();
            OpenVpnPeer.start(lab, serverNs, "openvpn-server-again", serverConf);
            client.process().awaitLine(Pattern.compile("Inactivity timeout \\(--ping-restart\\), restarting"),
                    Duration.ofSeconds(30), clientMark);
            client.process().awaitLine(SluicePeer.READY, Duration.ofSeconds(60), clientMark);
            pinger.awaitLine(Pattern.compile("bytes from"), Duration.ofSeconds(30), pingMark);
            assertTrue(pinger.lines().size() - pingMark > 0);
            pinger.stop();
            assertEquals("10.8.0.2", tunAddress(lab, clientNs, "tun0"));

            // A clean stop removes the device and every route it brought.
            assertEquals(0, client.stop());
            assertFalse(routes(lab, clientNs, 4).contains("tun0"), routes(lab, clientNs, 4));
            assertFalse(lab.ip(clientNs, "link", "show", "tun0").ok(), "tun0 is gone");
        }
    }

    @Test
    void tcpOverIpv4WithNet30() throws Exception {
        transportVariant("SluiceClientIT-tcp-net30", "tcp-server", "tcp-client", false, "topology net30");
    }

    @Test
    void udpOverIpv6WithSubnet() throws Exception {
        transportVariant("SluiceClientIT-udp6", "udp6", "udp6", true, "topology subnet");
    }

    @Test
    void tcpOverIpv6WithNet30() throws Exception {
        transportVariant("SluiceClientIT-tcp6-net30", "tcp6-server", "tcp6-client", true, "topology net30");
    }

    private static void transportVariant(String name, String serverProto, String clientProto, boolean ipv6Underlay,
                                         String topology) throws Exception {
        try (NetLab lab = NetLab.open(name)) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            String server = ipv6Underlay ? link.a().v6() : link.a().v4();
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer(serverProto, server, pki,
                    pki.server("server"), topology, "server 10.8.0.0 255.255.255.0"));
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client",
                    profile(clientProto, server, pki, pki.client("alice")));
            String ip = tunAddress(lab, clientNs, "tun0");
            String dev = lab.ip(clientNs, "-4", "addr", "show", "dev", "tun0").requireOk().output();
            if (topology.endsWith("net30")) {
                // net30: a point-to-point address with the server's end as peer, as OpenVPN sets it.
                assertTrue(dev.contains("inet " + ip + " peer 10.8.0."), dev);
                assertTrue(routes(lab, clientNs, 4).contains("10.8.0.1 via 10.8.0."), routes(lab, clientNs, 4));
            } else {
                assertTrue(dev.contains("inet " + ip + "/24"), dev);
            }
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, ip, 3, T));
            Iperf3Result rate = Iperf3.tcp(Duration.ofSeconds(2)).run(lab, serverNs, "10.8.0.1", clientNs);
            assertTrue(rate.receivedBitsPerSecond() > 0, rate::toString);
            System.out.println(name + ": " + rate);
            assertEquals(0, client.stop());
        }
    }

    @Test
    void redirectGatewayDef1SendsEverythingThroughTheTunnelKeepsTheServerOnTheOldPathAndCleansUp() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-redirect")) {
            // client -- router -- server -- internet: the client's default route goes via the router.
            Ns clientNs = lab.namespace("client");
            Ns routerNs = lab.namespace("router");
            Ns serverNs = lab.namespace("server");
            Ns internetNs = lab.namespace("internet");
            Link access = lab.link(routerNs, clientNs);
            Link uplink = lab.link(routerNs, serverNs);
            Link beyond = lab.link(serverNs, internetNs);
            lab.enableForwarding(routerNs);
            lab.enableForwarding(serverNs);
            lab.addRoute(clientNs, "default", access.a().v4());
            lab.addRoute(serverNs, access.v4Network(), uplink.a().v4());
            lab.addRoute(internetNs, "10.8.0.0/24", beyond.a().v4());
            String server = uplink.b().v4();
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer("udp", server, pki, pki.server("server"),
                    "topology subnet", "server 10.8.0.0 255.255.255.0", "push \"redirect-gateway def1\""));
            String before = routes(lab, clientNs, 4);
            String out = beyond.b().v4();
            assertEquals(access.b().iface(), routeDevice(lab, clientNs, out), "before: the default route");

            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client",
                    profile("udp", server, pki, pki.client("alice")));
            String during = routes(lab, clientNs, 4);
            assertTrue(during.contains("0.0.0.0/1 via 10.8.0.1 dev tun0"), during);
            assertTrue(during.contains("128.0.0.0/1 via 10.8.0.1 dev tun0"), during);
            assertTrue(during.contains(server + " via " + access.a().v4() + " dev " + access.b().iface()),
                    "the server stays on the old path: " + during);
            assertTrue(during.contains("default via " + access.a().v4()), "the default route is left: " + during);
            assertEquals("tun0", routeDevice(lab, clientNs, out), "everything else goes into the tunnel");
            assertAllReplies(lab.ping(clientNs, out, 3, T));
            assertAllReplies(lab.ping(internetNs, "10.8.0.2", 3, T));

            assertEquals(0, client.stop());
            assertEquals(before, routes(lab, clientNs, 4), "after: the table is as it was");
        }
    }

    @Test
    void usernameAndPasswordAreCheckedByTheServersOwnScriptAndAWrongPasswordEndsTheClient() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-auth")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path verify = lab.dir().resolve("verify.sh");
            Files.writeString(verify, "#!/bin/sh\n"
                    + "# OpenVPN's auth-user-pass-verify via-file: username on line 1, password on line 2\n"
                    + "[ \"$(sed -n 1p \"$1\")\" = alice ] && [ \"$(sed -n 2p \"$1\")\" = 'correct horse' ]\n");
            Files.setPosixFilePermissions(verify, PosixFilePermissions.fromString("rwxr-xr-x"));
            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server",
                    openVpnServer("udp", link.a().v4(), pki, pki.server("server"),
                            "topology subnet", "server 10.8.0.0 255.255.255.0",
                            "script-security 2",
                            "auth-user-pass-verify " + OpenVpnPeer.quote(verify) + " via-file",
                            // A session token the client must send instead of the password on renegotiation.
                            "auth-gen-token 0"));
            Path good = lab.dir().resolve("good.txt");
            Files.writeString(good, "alice\ncorrect horse\n");
            SluicePeer alice = SluicePeer.start(lab, clientNs, "sluice-alice",
                    profile("udp", link.a().v4(), pki, pki.client("alice"),
                            "auth-user-pass " + OpenVpnPeer.quote(good), "auth-nocache", "reneg-sec 3"));
            server.awaitLog(Pattern.compile("TLS: Username/Password authentication succeeded for username 'alice'"), T);
            // Pings across two renegotiations, which the server accepts with the token alone.
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            int mark = alice.process().mark();
            alice.process().awaitLine(Pattern.compile("Control Channel: TLS"), Duration.ofSeconds(20), mark);
            Thread.sleep(4000);
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertTrue(alice.process().isAlive(), "renegotiation with the auth-token was accepted");
            assertEquals(0, alice.stop());

            Path bad = lab.dir().resolve("bad.txt");
            Files.writeString(bad, "alice\nwrong\n");
            SluicePeer mallory = SluicePeer.launch(lab, clientNs, "sluice-wrong-password",
                    profile("udp", link.a().v4(), pki, pki.client("alice"),
                            "auth-user-pass " + OpenVpnPeer.quote(bad), "auth-retry none"));
            mallory.awaitLog(Pattern.compile("AUTH: Received control message: AUTH_FAILED"), Duration.ofSeconds(90));
            OptionalInt status = mallory.process().waitFor(Duration.ofSeconds(30));
            assertEquals(OptionalInt.of(0), status, "the client stops by itself, with status 0 as OpenVPN: "
                    + mallory.process().tail(10));
            mallory.process().awaitLine(Pattern.compile("SIGTERM\\[soft,auth-failure\\] received, process exiting"), T);
            assertFalse(lab.ip(clientNs, "link", "show", "tun0").ok(), "no device was left behind");
        }
    }

    @Test
    void aProviderStyleProfileWithEverythingInlineAndThePasswordTypedInRunsUnchanged() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-provider-profile")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path verify = lab.dir().resolve("verify.sh");
            Files.writeString(verify, "#!/bin/sh\n[ \"$(sed -n 1p \"$1\")\" = alice ] && [ \"$(sed -n 2p \"$1\")\" = s3cret ]\n");
            Files.setPosixFilePermissions(verify, PosixFilePermissions.fromString("rwxr-xr-x"));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer("udp", link.a().v4(), pki,
                    pki.server("server"), "topology subnet", "server 10.8.0.0 255.255.255.0", "script-security 2",
                    "auth-user-pass-verify " + OpenVpnPeer.quote(verify) + " via-file",
                    "push \"dhcp-option DNS 10.8.0.1\"", "push \"dhcp-option DOMAIN vpn.example\""));
            IssuedCert alice = pki.client("alice");
            // As VPN providers generate them: two servers in random order (one of them down), the
            // PKI inline, the credentials typed in at start.
            String profile = String.join("\n",
                    "client", "dev tun", "proto udp",
                    "remote 198.18.255.254 1194", "remote " + link.a().v4() + " 1194", "remote-random",
                    "server-poll-timeout 4", "resolv-retry infinite", "nobind", "persist-key", "persist-tun",
                    "remote-cert-tls server", "auth-user-pass", "auth-nocache", "verb 3", "mute 20",
                    "mute-replay-warnings", "reneg-sec 0", "explicit-exit-notify 2", "cipher AES-256-CBC", "auth SHA512",
                    "<ca>", Files.readString(pki.caCert()).strip(), "</ca>",
                    "<cert>", Files.readString(alice.cert()).strip(), "</cert>",
                    "<key>", Files.readString(alice.key()).strip(), "</key>", "");
            String original = "# the client machine's own resolver\nnameserver 198.18.53.1\noptions edns0\n";
            try (NamespaceResolvConf resolv = NamespaceResolvConf.create(clientNs, original)) {
                SluicePeer client = SluicePeer.startWithInput(lab, clientNs, "sluice-provider", profile,
                        "alice\ns3cret\n");
                assertEquals("10.8.0.2", tunAddress(lab, clientNs, "tun0"));
                assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
                // A 2.4-era 'cipher' line is accepted and, as OpenVPN 2.6 does, left out of negotiation.
                assertTrue(client.process().lines().stream().anyMatch(l -> l.contains(
                        "DEPRECATED OPTION: --cipher set to 'AES-256-CBC' but missing in --data-ciphers")),
                        client.process().tail(40));
                assertTrue(client.process().lines().stream().anyMatch(l -> l.contains("Data Channel: cipher 'AES-256-GCM'")),
                        client.process().tail(40));
                // The pushed DNS server and domain are the namespace's resolver while the tunnel is up.
                String during = lab.exec(clientNs, T, "cat", "/etc/resolv.conf").requireOk().output();
                assertTrue(during.contains("nameserver 10.8.0.1"), during);
                assertTrue(during.contains("search vpn.example"), during);
                assertFalse(during.contains("nameserver 198.18.53.1"), "all DNS goes to the tunnel: " + during);
                assertEquals(0, client.stop());
                assertEquals(original, resolv.content(), "restored byte for byte on stop");
            }
        }
    }

    @Test
    void withCompatModeBefore25TheClientAsksForNoExporterAndAStockServerUsesThePrf() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-prf")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer("udp", link.a().v4(),
                    pki, pki.server("server"), "topology subnet", "server 10.8.0.0 255.255.255.0"));
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client", profile("udp", link.a().v4(), pki,
                    pki.client("alice"), "compat-mode 2.4.7"));
            // OpenVPN pushes key-derivation tls-ekm only to clients that announce the exporter.
            String reply = server.awaitLog(Pattern.compile("SENT CONTROL \\[alice\\]: 'PUSH_REPLY"), T);
            assertFalse(reply.contains("tls-ekm"), reply);
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            Iperf3Result bulk = Iperf3.tcpBytes(5L * 1024 * 1024, Duration.ofSeconds(30))
                    .run(lab, serverNs, "10.8.0.1", clientNs);
            assertEquals(5L * 1024 * 1024, bulk.sentBytes(), bulk::toString);
            assertEquals(0, client.stop());
        }
    }

    @Test
    void peerFingerprintAuthenticatesASelfSignedServerAndAWrongFingerprintIsRefused() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-fingerprint")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            IssuedCert serverCert = pki.selfSignedServer("server");
            IssuedCert clientCert = pki.selfSignedClient("alice");
            // OpenVPN 2.6's self-signed set-up: no CA on either side, each pins the other's certificate.
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", String.join("\n",
                    "port 1194", "proto udp", "local " + link.a().v4(), "dev tun",
                    "cert " + OpenVpnPeer.quote(serverCert.cert()), "key " + OpenVpnPeer.quote(serverCert.key()),
                    "dh none", "keepalive 2 10", "topology subnet", "server 10.8.0.0 255.255.255.0",
                    "peer-fingerprint " + clientCert.sha256Fingerprint(), "verb 4", ""));
            String selfSigned = String.join("\n", "client", "dev tun", "proto udp", "remote " + link.a().v4() + " 1194",
                    "nobind", "cert " + OpenVpnPeer.quote(clientCert.cert()), "key " + OpenVpnPeer.quote(clientCert.key()),
                    "connect-retry 1 2", "verb 4", "");

            SluicePeer wrong = SluicePeer.launch(lab, clientNs, "sluice-wrong-fingerprint",
                    selfSigned + "peer-fingerprint " + pki.selfSignedServer("impostor").sha256Fingerprint() + "\n");
            Pattern refused = Pattern.compile("certificate hash verification failed");
            wrong.awaitLog(refused, Duration.ofSeconds(90));
            int mark = wrong.process().mark();
            wrong.awaitLog(Pattern.compile("Restart pause"), T);
            wrong.process().awaitLine(refused, T, mark); // it tries again, as connect-retry says, and is refused again
            assertFalse(wrong.process().lines().stream().anyMatch(l -> SluicePeer.READY.matcher(l).find()),
                    "never connected: " + wrong.process().tail(20));
            assertFalse(lab.ip(clientNs, "link", "show", "tun0").ok(), "no device");
            assertEquals(0, wrong.stop());

            SluicePeer right = SluicePeer.start(lab, clientNs, "sluice-right-fingerprint",
                    selfSigned + "peer-fingerprint " + serverCert.sha256Fingerprint() + "\n");
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertEquals(0, right.stop());
        }
    }

    @Test
    void pullFilterIgnoreRouteAndRouteNopullKeepPushedRoutesOutButTheAddressIn() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-pull-filter")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer("udp", link.a().v4(), pki,
                    pki.server("server"), "topology subnet", "server 10.8.0.0 255.255.255.0",
                    "push \"route 10.77.0.0 255.255.0.0\"", "push \"route-ipv6 fd00:77::/64\""));
            for (String option : new String[] {"pull-filter ignore \"route\"", "route-nopull"}) {
                SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-" + option.split(" ")[0],
                        profile("udp", link.a().v4(), pki, pki.client("alice"), option));
                assertEquals("10.8.0.2", tunAddress(lab, clientNs, "tun0"), option);
                String table = routes(lab, clientNs, 4);
                assertFalse(table.contains("10.77.0.0"), option + ": " + table);
                assertTrue(table.contains("10.8.0.0/24 dev tun0"), option + ": " + table);
                assertAllReplies(lab.ping(clientNs, "10.8.0.1", 2, T));
                assertEquals(0, client.stop());
            }
            // Without either, the route is there: the filters above really removed something. This
            // client also has OpenVPN's scripts, which get OpenVPN's arguments and environment.
            Path hook = lab.dir().resolve("hook.sh");
            Files.writeString(hook, "#!/bin/sh\n{ echo \"args=$*\"; env | sort; } > \"" + lab.dir() + "/$script_type.env\"\n");
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            String h = OpenVpnPeer.quote(hook);
            SluicePeer plain = SluicePeer.start(lab, clientNs, "sluice-plain",
                    profile("udp", link.a().v4(), pki, pki.client("alice"), "script-security 2", "up " + h,
                            "route-up " + h, "down " + h, "ipchange " + h));
            assertTrue(routes(lab, clientNs, 4).contains("10.77.0.0/16 via 10.8.0.1 dev tun0"), routes(lab, clientNs, 4));
            String up = Files.readString(lab.dir().resolve("up.env"));
            assertTrue(up.contains("args=tun0 1500 0 10.8.0.2 255.255.255.0 init"), up);
            for (String v : new String[] {"dev=tun0", "ifconfig_local=10.8.0.2", "ifconfig_netmask=255.255.255.0",
                "route_network_1=10.77.0.0", "route_netmask_1=255.255.0.0", "route_gateway_1=10.8.0.1",
                "route_vpn_gateway=10.8.0.1", "script_type=up", "tun_mtu=1500"}) {
                assertTrue(up.lines().anyMatch(v::equals), v + " in\n" + up);
            }
            String ipchange = Files.readString(lab.dir().resolve("ipchange.env"));
            assertTrue(ipchange.contains("args=[AF_INET]" + link.a().v4() + " 1194"), ipchange);
            assertTrue(ipchange.contains("common_name=server"), ipchange);
            assertTrue(Files.exists(lab.dir().resolve("route-up.env")), "route-up ran");
            assertEquals(0, plain.stop());
            String down = Files.readString(lab.dir().resolve("down.env"));
            assertTrue(down.contains("args=tun0 1500 0 10.8.0.2 255.255.255.0 init"), down);
            assertTrue(down.contains("signal=sigterm"), down);
        }
    }

    @Test
    void sluiceClientAndSluiceServerCarry50MegabytesAndReconnectAfterTheServerRestarts() throws Exception {
        try (NetLab lab = NetLab.open("SluiceClientIT-sluice-both")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            IssuedCert cert = pki.server("server");
            String serverConf = String.join("\n", "port 1194", "proto udp", "local " + link.a().v4(), "dev tun",
                    "ca " + OpenVpnPeer.quote(pki.caCert()), "cert " + OpenVpnPeer.quote(cert.cert()),
                    "key " + OpenVpnPeer.quote(cert.key()), "dh none", "server 10.8.0.0 255.255.255.0",
                    "keepalive 2 10", "explicit-exit-notify 1", "verb 4", "");
            SluicePeer server = SluicePeer.start(lab, serverNs, "sluice-server", serverConf);
            SluicePeer client = SluicePeer.start(lab, clientNs, "sluice-client",
                    profile("udp", link.a().v4(), pki, pki.client("alice"), "explicit-exit-notify 1"));
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, "10.8.0.2", 3, T));
            Iperf3Result bulk = Iperf3.tcpBytes(50L * 1024 * 1024, Duration.ofSeconds(30))
                    .run(lab, serverNs, "10.8.0.1", clientNs);
            assertEquals(50L * 1024 * 1024, bulk.sentBytes(), bulk::toString);
            System.out.println("Sluice client to Sluice server, 50 MB at " + bulk);

            // The server stops (it tells the client RESTART) and comes back: the client reconnects.
            int mark = client.process().mark();
            assertEquals(0, server.stop());
            client.process().awaitLine(Pattern.compile("RESTART"), T, mark);
            SluicePeer.start(lab, serverNs, "sluice-server-again", serverConf);
            client.process().awaitLine(SluicePeer.READY, Duration.ofSeconds(60), mark);
            awaitPing(lab, clientNs, "10.8.0.1");

            // The client stops with explicit-exit-notify: the server lets it go at once.
            assertEquals(0, client.stop());
        }
    }

    /** The network address of a link's IPv4 network ("198.18.0.4" of "198.18.0.4/30"). */
    private static String network(Link link) {
        return link.v4Network().split("/")[0];
    }

    private static String netmask(int prefix) {
        int bits = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
