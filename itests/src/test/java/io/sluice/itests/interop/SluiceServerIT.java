package io.sluice.itests.interop;

import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static io.sluice.itests.net.TunnelChecks.awaitPing;
import static io.sluice.itests.net.TunnelChecks.lostPackets;
import static io.sluice.itests.net.TunnelChecks.tunAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.Iperf3;
import io.sluice.itests.net.Iperf3Result;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/sluice} as the server, Debian's stock OpenVPN 2.6 as the clients, in network
 * namespaces of the test's own with kernel TUN devices on both sides: the configurations are
 * the ordinary ones an OpenVPN admin writes.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SluiceServerIT {

    private static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** A server.conf as an admin writes it; {@code extra} lines are appended. */
    private static String serverConf(String proto, String local, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n",
                "# Sluice server under test",
                "port 1194",
                "proto " + proto,
                "local " + local,
                "dev tun",
                "ca " + OpenVpnPeer.quote(pki.caCert()),
                "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()),
                "dh none",
                "remote-cert-tls client",
                String.join("\n", extra),
                "verb 4",
                "");
    }

    /** A client .ovpn as a provider hands it out; {@code extra} lines are appended. */
    private static String clientConf(String proto, String server, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n",
                "client",
                "dev tun",
                "proto " + proto,
                "remote " + server + " 1194",
                "nobind",
                "ca " + OpenVpnPeer.quote(pki.caCert()),
                "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()),
                "remote-cert-tls server",
                "connect-retry 1 2",
                String.join("\n", extra),
                "");
    }

    @Test
    void udpServerWithSeveralClientsCiphersClientToClientBulkTrafficAndARestart(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-udp")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path persist = lab.dir().resolve("ipp.txt");
            // Every client has a namespace and a link of its own; the server listens on all of them.
            Client alice = new Client(lab, serverNs, "alice");
            Client bob = new Client(lab, serverNs, "bob");
            String conf = serverConf("udp", "0.0.0.0", pki, pki.server("server"),
                    "topology subnet",
                    "server 10.8.0.0 255.255.255.0",
                    "client-to-client",
                    "keepalive 2 10",
                    "ifconfig-pool-persist " + OpenVpnPeer.quote(persist),
                    "explicit-exit-notify 1");
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", conf);

            // Two ordinary 2.6 clients; each must see the cipher the server picked.
            alice.connect(pki, pki.client("alice"));
            bob.connect(pki, pki.client("bob"), "data-ciphers CHACHA20-POLY1305:AES-128-GCM");
            alice.peer.awaitLog(Pattern.compile("Data Channel: cipher 'AES-256-GCM'"), T);
            // The server's order decides: AES-128-GCM comes before CHACHA20-POLY1305 in its list.
            bob.peer.awaitLog(Pattern.compile("Data Channel: cipher 'AES-128-GCM'"), T);
            sluice.awaitLog(Pattern.compile("alice/" + Pattern.quote(alice.underlay) + ":\\d+ Data Channel: cipher 'AES-256-GCM'"), T);
            String aliceIp = tunAddress(lab, alice.ns, "tun0");
            String bobIp = tunAddress(lab, bob.ns, "tun0");
            assertTrue(aliceIp.startsWith("10.8.0.") && bobIp.startsWith("10.8.0.") && !aliceIp.equals(bobIp),
                    aliceIp + " / " + bobIp);

            // Both ways between server and each client, and client to client routed inside the server.
            assertAllReplies(lab.ping(alice.ns, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, aliceIp, 3, T));
            assertAllReplies(lab.ping(serverNs, bobIp, 3, T));
            assertAllReplies(lab.ping(alice.ns, bobIp, 3, T));
            assertAllReplies(lab.ping(bob.ns, aliceIp, 3, T));

            // A client that insists on a cipher the server does not offer is refused as OpenVPN refuses it.
            Client carol = new Client(lab, serverNs, "carol");
            carol.launch(pki, pki.client("carol"), "data-ciphers AES-128-CBC", "auth-retry none");
            carol.peer.awaitLog(Pattern.compile("AUTH_FAILED,Data channel cipher negotiation failed \\(no shared cipher\\)"), T);

            // A client forcing CHACHA20-POLY1305 gets it.
            Client dave = new Client(lab, serverNs, "dave");
            dave.connect(pki, pki.client("dave"), "data-ciphers CHACHA20-POLY1305");
            dave.peer.awaitLog(Pattern.compile("Data Channel: cipher 'CHACHA20-POLY1305'"), T);
            assertAllReplies(lab.ping(serverNs, tunAddress(lab, dave.ns, "tun0"), 3, T));

            // A client whose certificate comes from another CA is refused; everyone else stays up.
            TestPki foreign = TestPki.create(lab.dir().resolve("foreign-pki"));
            Client mallory = new Client(lab, serverNs, "mallory");
            mallory.launch(pki, foreign.client("mallory"));
            sluice.awaitLog(Pattern.compile("VERIFY ERROR"), T);
            assertAllReplies(lab.ping(serverNs, aliceIp, 2, T));

            // Bulk: 50 MB from alice to the server through the tunnel, then a ping flood.
            Iperf3Result bulk = Iperf3.tcpBytes(50L * 1024 * 1024, Duration.ofSeconds(30))
                    .run(lab, serverNs, "10.8.0.1", alice.ns);
            // iperf3 completed without error (it fails the run otherwise) and TCP delivered every byte
            // sent; its receiver count is taken before the last bytes in flight land.
            assertEquals(50L * 1024 * 1024, bulk.sentBytes(), bulk::toString);
            System.out.println(info.getDisplayName() + ": 50 MB at " + bulk);
            CommandResult flood = lab.exec(alice.ns, T, "ping", "-f", "-c", "1000", "-w", "25", "10.8.0.1");
            assertEquals(0, lostPackets(flood.output()), flood.output());

            // Restart: the server tells its clients (explicit-exit-notify), they reconnect by themselves
            // and get the same addresses back from ifconfig-pool-persist.
            assertEquals(0, sluice.stop(), "a clean stop");
            assertTrue(Files.readString(persist).contains("alice," + aliceIp), Files.readString(persist));
            SluicePeer again = SluicePeer.start(lab, serverNs, "sluice-server-restarted", conf);
            again.awaitLog(Pattern.compile("alice/.* SENT CONTROL \\[alice\\]: 'PUSH_REPLY"), Duration.ofSeconds(60));
            again.awaitLog(Pattern.compile("bob/.* SENT CONTROL \\[bob\\]: 'PUSH_REPLY"), Duration.ofSeconds(60));
            awaitPing(lab, serverNs, aliceIp);
            awaitPing(lab, serverNs, bobIp);
            assertEquals(aliceIp, tunAddress(lab, alice.ns, "tun0"));
            assertEquals(bobIp, tunAddress(lab, bob.ns, "tun0"));
            assertTrue(alice.peer.process().isAlive() && bob.peer.process().isAlive(), "a client died");
        }
    }

    @Test
    void clientConfigDirGivesAFixedAddressAndASubnetBehindTheClientReachedFromTheServerSide() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-ccd")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path ccd = Files.createDirectories(lab.dir().resolve("ccd"));
            Files.writeString(ccd.resolve("alice"), "ifconfig-push 10.8.0.50 255.255.255.0\n"
                    + "iroute 10.99.0.0 255.255.255.0\n");
            Client alice = new Client(lab, serverNs, "alice");
            Client bob = new Client(lab, serverNs, "bob");
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server",
                    serverConf("udp", "0.0.0.0", pki, pki.server("server"),
                            "server 10.8.0.0 255.255.255.0",
                            "client-config-dir " + OpenVpnPeer.quote(ccd),
                            "route 10.99.0.0 255.255.255.0",
                            "keepalive 10 60"));
            alice.connect(pki, pki.client("alice"));
            bob.connect(pki, pki.client("bob"));
            assertEquals("10.8.0.50", tunAddress(lab, alice.ns, "tun0"), "ifconfig-push from ccd/alice");
            // The subnet "behind" alice: an address in her namespace that only the tunnel reaches.
            lab.exec(alice.ns, T, "ip", "addr", "add", "10.99.0.1/32", "dev", "lo").requireOk();
            sluice.awaitLog(Pattern.compile("MULTI: Learn: 10\\.99\\.0\\.0/24 -> alice/"), T);
            assertAllReplies(lab.ping(serverNs, "10.99.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, "10.8.0.50", 3, T));
            // bob got a pool address and reaches the server; without client-to-client, bob's packets for
            // alice go through the server's own kernel, which routes them back into the tunnel.
            assertAllReplies(lab.ping(bob.ns, "10.8.0.1", 3, T));
        }
    }

    @Test
    void oneInstanceServesUdpOverIpv4AndTcpOverIpv6AtOnceWithOnePoolAndOneSessionTable() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-multi-local")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Client alice = new Client(lab, serverNs, "alice");
            Ns bobNs = lab.namespace("bob");
            Link bobLink = lab.link(serverNs, bobNs);
            // OpenVPN 2.7's form: several 'local' lines, each with its own port and proto.
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server",
                    serverConf("udp", alice.server + " 1194 udp", pki, pki.server("server"),
                            "local " + bobLink.a().v6() + " 1194 tcp6-server",
                            "server 10.8.0.0 255.255.255.0",
                            "client-to-client",
                            "keepalive 10 60"));
            alice.connect(pki, pki.client("alice"));
            OpenVpnPeer bob = OpenVpnPeer.start(lab, bobNs, "bob",
                    clientConf("tcp6-client", bobLink.a().v6(), pki, pki.client("bob")));
            sluice.awaitLog(Pattern.compile("bob/\\[" + Pattern.quote(bobLink.b().v6()) + "\\]:\\d+ .*PUSH_REPLY"), T);
            String aliceIp = tunAddress(lab, alice.ns, "tun0");
            String bobIp = tunAddress(lab, bobNs, "tun0");
            assertTrue(!aliceIp.equals(bobIp), "one pool gives different addresses: " + aliceIp + " / " + bobIp);
            // Between a UDP client and a TCP client, routed inside the one instance.
            assertAllReplies(lab.ping(alice.ns, bobIp, 3, T));
            assertAllReplies(lab.ping(bobNs, aliceIp, 3, T));
            assertTrue(bob.process().isAlive());
        }
    }

    @Test
    void keysRenegotiatedByTheClientEveryFewSecondsKeepTrafficFlowing() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-reneg")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Client alice = new Client(lab, serverNs, "alice");
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server",
                    serverConf("udp", "0.0.0.0", pki, pki.server("server"),
                            "server 10.8.0.0 255.255.255.0", "keepalive 10 60"));
            alice.connect(pki, pki.client("alice"), "reneg-sec 3");
            // A steady ping across several renegotiations (key ids 1, 2, ...): nothing may be lost.
            CommandResult ping = lab.exec(alice.ns, Duration.ofSeconds(40), "ping", "-c", "50", "-i", "0.2", "10.8.0.1");
            assertEquals(0, lostPackets(ping.output()), ping.output());
            sluice.awaitLog(Pattern.compile("alice/.* Control Channel: TLS"), T);
            long keys = sluice.process().lines().stream().filter(l -> l.contains("Control Channel: TLS")).count();
            assertTrue(keys >= 3, "at least two renegotiations happened during the pings: " + keys + " keys");
        }
    }

    /** An OpenVPN client in a namespace of its own, linked to the server's. */
    private static final class Client {
        final NetLab lab;
        final Ns ns;
        final String name;
        final String server;
        final String underlay;
        OpenVpnPeer peer;

        Client(NetLab lab, Ns serverNs, String name) {
            this.lab = lab;
            this.name = name;
            this.ns = lab.namespace(name);
            Link link = lab.link(serverNs, ns);
            this.server = link.a().v4();
            this.underlay = link.b().v4();
        }

        void connect(TestPki pki, IssuedCert cert, String... extra) throws InterruptedException {
            peer = OpenVpnPeer.start(lab, ns, name, clientConf("udp", server, pki, cert, extra));
        }

        void launch(TestPki pki, IssuedCert cert, String... extra) {
            peer = OpenVpnPeer.launch(lab, ns, name, clientConf("udp", server, pki, cert, extra));
        }
    }

    @Test
    void clientConnectDecidesAndAddsOptionsLearnAddressAndClientDisconnectSeeEachClient() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-scripts")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            Path events = lab.dir().resolve("events.txt");
            // As admins write them: client-connect refuses one name, gives alice a fixed address and a
            // route through its output file; the others log their arguments and variables.
            Path connect = script(lab.dir().resolve("connect.sh"), "echo \"connect $common_name $trusted_ip"
                    + " $ifconfig_pool_remote_ip $script_type\" >> " + OpenVpnPeer.quote(events) + "\n"
                    + "[ \"$common_name\" = mallory ] && exit 1\n"
                    + "printf 'ifconfig-push 10.8.0.77 255.255.255.0\\npush \"route 10.77.0.0 255.255.0.0\"\\n' > \"$1\"\n");
            Path learn = script(lab.dir().resolve("learn.sh"), "echo \"learn $*\" >> " + OpenVpnPeer.quote(events) + "\n");
            Path disconnect = script(lab.dir().resolve("disconnect.sh"), "echo \"disconnect $common_name"
                    + " $bytes_received $bytes_sent $script_type\" >> " + OpenVpnPeer.quote(events) + "\n");
            Client alice = new Client(lab, serverNs, "alice");
            Client mallory = new Client(lab, serverNs, "mallory");
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", serverConf("udp", "0.0.0.0", pki,
                    pki.server("server"), "server 10.8.0.0 255.255.255.0", "keepalive 10 60", "script-security 2",
                    "client-connect " + OpenVpnPeer.quote(connect), "learn-address " + OpenVpnPeer.quote(learn),
                    "client-disconnect " + OpenVpnPeer.quote(disconnect)));
            alice.connect(pki, pki.client("alice"), "verb 4", "explicit-exit-notify 1");
            assertEquals("10.8.0.77", tunAddress(lab, alice.ns, "tun0"), "ifconfig-push from client-connect");
            alice.peer.awaitLog(Pattern.compile("PUSH_REPLY.*route 10\\.77\\.0\\.0 255\\.255\\.0\\.0"), T);
            assertAllReplies(lab.ping(alice.ns, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, "10.8.0.77", 3, T));

            mallory.launch(pki, pki.client("mallory"), "auth-retry none");
            mallory.peer.awaitLog(Pattern.compile("AUTH_FAILED"), T);
            sluice.awaitLog(Pattern.compile("client-connect refused the client"), T);

            assertEquals(0, alice.peer.stop());
            sluice.awaitLog(Pattern.compile("alice/.*(remote-exit|exiting)"), T);
            String log = awaitFileLine(events, "disconnect alice", T);
            assertTrue(log.contains("connect alice " + alice.underlay + " 10.8.0.2 client-connect"), log);
            assertTrue(log.contains("connect mallory "), log);
            assertTrue(log.contains("learn add 10.8.0.77 alice"), log);
            assertTrue(log.contains("learn delete 10.8.0.77"), log);
            assertFalse(log.contains("disconnect mallory"), "client-disconnect only after client-connect let it in");
            java.util.regex.Matcher m = Pattern.compile("disconnect alice (\\d+) (\\d+) client-disconnect").matcher(log);
            assertTrue(m.find() && Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0, log);
        }
    }

    @Test
    void authUserPassVerifyChecksStockClientsPasswordsWithTheAdminsScript() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-user-pass")) {
            Ns serverNs = lab.namespace("server");
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            // The classic via-file checker: line 1 user, line 2 password.
            Path verify = script(lab.dir().resolve("verify.sh"),
                    "[ \"$(sed -n 1p \"$1\")\" = alice ] && [ \"$(sed -n 2p \"$1\")\" = s3cret ]\n");
            Client alice = new Client(lab, serverNs, "alice");
            Client bob = new Client(lab, serverNs, "bob");
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server", serverConf("udp", "0.0.0.0", pki,
                    pki.server("server"), "server 10.8.0.0 255.255.255.0", "keepalive 10 60", "script-security 2",
                    "auth-user-pass-verify " + OpenVpnPeer.quote(verify) + " via-file"));
            Path right = lab.dir().resolve("alice.pass");
            Files.writeString(right, "alice\ns3cret\n");
            Path wrong = lab.dir().resolve("bob.pass");
            Files.writeString(wrong, "alice\nguess\n");
            alice.connect(pki, pki.client("alice"), "auth-user-pass " + OpenVpnPeer.quote(right));
            assertAllReplies(lab.ping(alice.ns, "10.8.0.1", 3, T));
            sluice.awaitLog(Pattern.compile("TLS: Username/Password authentication succeeded for username 'alice'"), T);

            bob.launch(pki, pki.client("bob"), "auth-user-pass " + OpenVpnPeer.quote(wrong), "auth-retry none");
            bob.peer.awaitLog(Pattern.compile("AUTH: Received control message: AUTH_FAILED"), T);
            sluice.awaitLog(Pattern.compile("TLS Auth Error: Auth Username/Password verification failed for peer"), T);
            assertTrue(bob.peer.process().waitFor(T).isPresent(), "auth-retry none: the client stops");
            assertAllReplies(lab.ping(alice.ns, "10.8.0.1", 2, T));
        }
    }

    private static Path script(Path file, String body) throws java.io.IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The file's content once a line containing {@code text} is in it. */
    private static String awaitFileLine(Path file, String text, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String content = Files.exists(file) ? Files.readString(file) : "";
            if (content.contains(text) || System.nanoTime() > end) {
                assertTrue(content.contains(text), "no '" + text + "' in " + file + ": " + content);
                return content;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void withCompatModeBefore25TheServerDerivesKeysWithThePrfAndAStockClientAgrees() throws Exception {
        try (NetLab lab = NetLab.open("SluiceServerIT-prf")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            SluicePeer.start(lab, serverNs, "sluice-server", serverConf("udp", link.a().v4(), pki, pki.server("server"),
                    "server 10.8.0.0 255.255.255.0", "keepalive 10 60", "compat-mode 2.4.0"));
            OpenVpnPeer client = OpenVpnPeer.start(lab, clientNs, "client",
                    clientConf("udp", link.a().v4(), pki, pki.client("alice"), "verb 4"));
            // The 2.6 client offers the exporter (IV_PROTO); the server does not take it up, so both
            // ends fall back to OpenVPN's PRF, and traffic flowing proves they derived the same keys.
            String reply = client.awaitLog(Pattern.compile("PUSH: Received control message: 'PUSH_REPLY"), T);
            assertFalse(reply.contains("tls-ekm"), reply);
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            Iperf3Result bulk = Iperf3.tcpBytes(5L * 1024 * 1024, Duration.ofSeconds(30))
                    .run(lab, serverNs, "10.8.0.1", clientNs);
            assertEquals(5L * 1024 * 1024, bulk.sentBytes(), bulk::toString);
        }
    }

    @Test
    void tcpServerWithNet30Topology() throws Exception {
        transportVariant("SluiceServerIT-tcp-net30", "tcp-server", "tcp-client", false, "topology net30");
    }

    @Test
    void udp6ServerWithIpv6InsideTheTunnel() throws Exception {
        transportVariant("SluiceServerIT-udp6", "udp6", "udp6", true, "server-ipv6 fd00:8::/64");
    }

    @Test
    void tcp6ServerOverAnIpv6Underlay() throws Exception {
        transportVariant("SluiceServerIT-tcp6", "tcp6-server", "tcp6-client", true, "topology subnet");
    }

    private static void transportVariant(String name, String serverProto, String clientProto, boolean ipv6Underlay,
                                         String extra) throws Exception {
        try (NetLab lab = NetLab.open(name)) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            String server = ipv6Underlay ? link.a().v6() : link.a().v4();
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            SluicePeer.start(lab, serverNs, "sluice-server", serverConf(serverProto, server, pki, pki.server("server"),
                    "server 10.8.0.0 255.255.255.0", extra, "keepalive 10 60"));
            OpenVpnPeer client = OpenVpnPeer.start(lab, clientNs, "client",
                    clientConf(clientProto, server, pki, pki.client("alice")));
            client.awaitLog(Pattern.compile("Data Channel: cipher 'AES-256-GCM'"), T);
            String ip = tunAddress(lab, clientNs, "tun0");
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 3, T));
            assertAllReplies(lab.ping(serverNs, ip, 3, T));
            if (extra.startsWith("topology net30")) {
                String tun = lab.ip(clientNs, "addr", "show", "dev", "tun0").requireOk().output();
                assertTrue(tun.contains("peer 10.8.0."), "a net30 client has a point-to-point address: " + tun);
            }
            if (extra.startsWith("server-ipv6")) {
                String tun = lab.ip(clientNs, "addr", "show", "dev", "tun0").requireOk().output();
                assertTrue(tun.contains("inet6 fd00:8::1000/64"), tun);
                assertAllReplies(lab.ping(clientNs, "fd00:8::1", 3, T));
                assertAllReplies(lab.ping(serverNs, "fd00:8::1000", 3, T));
            }
            Iperf3Result rate = Iperf3.tcp(Duration.ofSeconds(2)).run(lab, serverNs, "10.8.0.1", clientNs);
            assertTrue(rate.receivedBitsPerSecond() > 0, rate::toString);
            System.out.println(name + ": " + rate);
        }
    }
}
