package io.sluice.core.server;

import io.sluice.config.CompatMode;
import io.sluice.core.wire.AckPacket;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.ControlProtection;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.RejectCounters;
import io.sluice.core.wire.SessionId;
import static io.sluice.core.testing.TestPackets.await;
import static io.sluice.core.testing.TestPackets.ipv4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.TunRequest;
import io.sluice.core.engine.Platform;
import io.sluice.core.testing.MemoryTun;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.time.Clock;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsSettings;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole server in memory: a TUN device and a UDP socket of queues, clients of the engine's own pieces. */
@Timeout(60)
class ServerInstanceTest {

    /** The test client speaks the plain control channel. */
    private final ControlProtectionSpec protection = ControlProtectionSpec.NONE;

    private static final TestPki PKI = new TestPki();
    private static final TestPki.Authority CA = PKI.root("Sluice Test CA");

    private final MemoryTun tun = new MemoryTun();
    private final MemoryUdp udp = new MemoryUdp();
    private final List<TestClient> clients = new ArrayList<>();
    private ServerInstance server;

    @BeforeEach
    void startServer() throws Exception {
        server = server(List.of("AES-256-GCM", "AES-128-GCM"), List.of("route 10.20.0.0 255.255.0.0"), false);
        server.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(TestClient::close);
        server.close();
        udp.shutdown();
    }

    private ServerInstance server(List<String> ciphers, List<String> push, boolean clientToClient) throws Exception {
        TestPki.Issued cert = PKI.issue(CA, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings tls = TlsSettings.builder("server").trustAnchors(List.of(CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        ServerSettings settings = new ServerSettings("test",
                List.of(new ListenSpec(TransportProtocol.UDP, new InetSocketAddress("198.18.0.1", 1194))),
                new TunRequest(Optional.empty(), DeviceType.TUN, 1500), ServerSettings.Topology.SUBNET,
                Optional.of(new ServerSettings.Ipv4Network(v4("10.8.0.1"), v4("255.255.255.0"), v4("10.8.0.2"),
                        v4("10.8.0.254"))),
                Optional.empty(), List.of(), push, ciphers, Optional.empty(), "SHA1", Duration.ofSeconds(10),
                Duration.ofSeconds(120), 10, false, clientToClient, Optional.empty(), false, Optional.empty(), 64, 15,
                Duration.ZERO, tls, protection, CompatMode.NONE, ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS, ServerSettings.ConnectRates.DEFAULTS);
        Platform platform = Platform.forServer(TestClient.testCrypto(), tun, Optional.of(udp), Optional.empty());
        return new ServerInstance(settings, platform, ClientConfigSource.NONE, TunnelLog.forVerb(3), Clock.system(),
                java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new SecureRandom());
    }

    private TestClient client(int port, String cn, String ivCiphers) {
        return client(port, PKI.issue(CA, cn, TestPki.Kind.EC, TestPki.Usage.CLIENT), ivCiphers);
    }

    private TestClient client(int port, TestPki.Issued cert, String ivCiphers) {
        TestClient c = new TestClient(port, udp, cert, CA, ivCiphers, TestClient.testCrypto()).start();
        clients.add(c);
        return c;
    }

    @Test
    void aClientConnectsIsPushedItsAddressAndPacketsFlowBothWays() throws Exception {
        TestClient alice = client(40001, "alice", "AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305");
        await(() -> alice.keysInstalled, "alice's keys: " + alice.texts);

        List<String> pushed = alice.pushed;
        assertEquals(List.of("route 10.20.0.0 255.255.0.0", "ifconfig 10.8.0.2 255.255.255.0", "peer-id 0",
                "cipher AES-256-GCM", "protocol-flags cc-exit tls-ekm", "tun-mtu 1500"), pushed);
        assertTrue(tun.isUp());
        assertEquals("10.8.0.1", tun.addresses.get(0).local().getHostAddress());

        byte[] toServer = ipv4("10.8.0.2", "10.8.0.1", "hello server");
        alice.send(toServer);
        assertArrayEquals(toServer, tun.toHost.poll(5, TimeUnit.SECONDS), "the server wrote the packet to its TUN");

        byte[] toAlice = ipv4("10.8.0.1", "10.8.0.2", "hello alice");
        tun.fromHost.add(toAlice);
        assertArrayEquals(toAlice, alice.tunnel.poll(5, TimeUnit.SECONDS), "the client got the host's packet");
        assertEquals(List.of("alice 10.8.0.2"), server.connectedClients());
        assertTrue(server.dropCounters().statelessReplies() >= 1, "the reset was answered statelessly, as OpenVPN 2.6 does");
    }

    @Test
    void resetsAreAnsweredWithoutKeepingStateAtTheInitialRateAndOnlyAnEchoedCookieOpensASession() throws Exception {
        ControlCodec codec = new ControlCodec(ControlLimits.DEFAULT, ControlProtection.none().newWrapper(),
                new RejectCounters());
        SessionId clientId = SessionId.fromHex("0011223344556677");
        for (int port = 30000; port < 30500; port++) { // a flood of resets from spoofed addresses
            udp.fromClient(new InetSocketAddress("198.18.0.9", port), encode(codec, new ControlPacket(
                    Opcode.P_CONTROL_HARD_RESET_CLIENT_V2, 0, clientId, AckRecord.EMPTY, 0, new byte[0])));
        }
        await(() -> server.dropCounters().statelessReplies() + server.dropCounters().rateLimitedPackets() == 500,
                "every reset answered or dropped: " + server.dropCounters());
        assertEquals(100, server.dropCounters().statelessReplies(), "connect-freq-initial 100 10, OpenVPN's default");
        assertEquals(0, server.clientCount(), "no session for a reset alone");

        InetSocketAddress client = new InetSocketAddress("198.18.0.9", 30000);
        ControlPacket reply = (ControlPacket) codec.decode(ByteBuffer.wrap(udp.queueFor(client).poll(5, TimeUnit.SECONDS)))
                .value();
        assertEquals(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, reply.opcode());
        assertEquals(0, reply.messageId());
        assertEquals(AckRecord.of(clientId, 0), reply.acks(), "acks the client's reset");
        SessionId cookie = reply.sessionId();

        byte[] echo = encode(codec, new AckPacket(0, clientId, AckRecord.of(cookie, 0)));
        udp.fromClient(new InetSocketAddress("198.18.0.9", 30999), echo); // the right cookie from another address
        udp.fromClient(client, encode(codec, new AckPacket(0, clientId, AckRecord.of(new SessionId(cookie.value() ^ 1), 0))));
        udp.fromClient(client, encode(codec, new AckPacket(0, new SessionId(42), AckRecord.of(cookie, 0))));
        await(() -> server.dropCounters().badCookiePackets() == 3, "forged echoes counted: " + server.dropCounters());
        assertEquals(0, server.clientCount());

        udp.fromClient(client, echo);
        await(() -> server.clientCount() == 1, "the echo opens the session");
    }

    private static byte[] encode(ControlCodec codec, io.sluice.core.wire.ControlMessage message) {
        ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(message));
        codec.encode(message, out);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void theServerPicksItsFirstCipherTheClientOffers() throws Exception {
        TestClient bob = client(40002, "bob", "CHACHA20-POLY1305:AES-128-GCM");
        await(() -> bob.keysInstalled, "bob's keys: " + bob.texts);
        assertTrue(bob.pushed.contains("cipher AES-128-GCM"), bob.pushed.toString());
        byte[] p = ipv4("10.8.0.2", "10.8.0.1", "with AES-128-GCM");
        bob.send(p);
        assertArrayEquals(p, tun.toHost.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aClientWithNoCommonCipherGetsAuthFailedAsOpenVpnSendsIt() throws Exception {
        TestClient carol = client(40003, "carol", "CHACHA20-POLY1305");
        await(() -> carol.texts.stream().anyMatch(t -> t.startsWith("AUTH_FAILED")), "carol: " + carol.texts);
        assertTrue(carol.texts.contains("AUTH_FAILED,Data channel cipher negotiation failed (no shared cipher)"),
                carol.texts.toString());
        await(() -> server.clientCount() == 0, "carol dropped after AUTH_FAILED");
    }

    @Test
    void packetsWithASpoofedSourceAreDroppedAndCountedAndTheClientStaysUp() throws Exception {
        TestClient alice = client(40004, "alice", "AES-256-GCM");
        await(() -> alice.keysInstalled, "alice's keys: " + alice.texts);
        alice.send(ipv4("10.8.0.77", "10.8.0.1", "spoofed"));
        await(() -> server.dropCounters().badSourcePackets() == 1, "bad source counted");
        byte[] good = ipv4("10.8.0.2", "10.8.0.1", "still served");
        alice.send(good);
        assertArrayEquals(good, tun.toHost.poll(5, TimeUnit.SECONDS));
        assertEquals(1, server.dropCounters().badSourcePackets());
    }

    @Test
    void garbageFromAnywhereIsCountedAndEveryoneElseIsStillServed() throws Exception {
        TestClient alice = client(40005, "alice", "AES-256-GCM");
        await(() -> alice.keysInstalled, "alice's keys: " + alice.texts);
        alice.sendRaw(new byte[0]);
        alice.sendRaw(new byte[] {(byte) 0xFF, 1, 2});
        alice.sendRaw(new byte[] {(byte) (9 << 3), 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        alice.sendRaw(new byte[] {(byte) (4 << 3), 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0});
        byte[] good = ipv4("10.8.0.2", "10.8.0.1", "after garbage");
        alice.send(good);
        assertArrayEquals(good, tun.toHost.poll(5, TimeUnit.SECONDS));
        ServerCounters c = server.dropCounters();
        assertTrue(c.malformedPackets() >= 2, c.toString());
        assertTrue(c.badDataPackets() >= 1, c.toString());
    }

    @Test
    void twoClientsGetDifferentAddressesAndExitRemovesOne() throws Exception {
        TestClient alice = client(40006, "alice", "AES-256-GCM");
        TestClient bob = client(40007, "bob", "AES-256-GCM");
        await(() -> alice.keysInstalled && bob.keysInstalled, "both connected");
        assertTrue(alice.pushed.contains("ifconfig 10.8.0.2 255.255.255.0") != bob.pushed.contains("ifconfig 10.8.0.2 255.255.255.0"));
        bob.sendText("EXIT");
        await(() -> server.connectedClients().size() == 1, "bob gone after EXIT: " + server.connectedClients());
        byte[] toBob = ipv4("10.8.0.1", bob.pushed.contains("ifconfig 10.8.0.2 255.255.255.0") ? "10.8.0.2" : "10.8.0.3",
                "nobody there");
        tun.fromHost.add(toBob);
        await(() -> server.dropCounters().unroutablePackets() == 1, "a packet for the departed client has no route");
    }

    @Test
    void aSecondConnectionWithTheSameCommonNameReplacesTheFirstAndKeepsTheAddress() throws Exception {
        TestPki.Issued cert = PKI.issue(CA, "dave", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TestClient first = client(40008, cert, "AES-256-GCM");
        await(() -> first.keysInstalled, "first connected");
        TestClient second = client(40009, cert, "AES-256-GCM");
        await(() -> second.keysInstalled, "second connected: " + second.texts);
        await(() -> server.connectedClients().equals(List.of("dave 10.8.0.2")), "one dave: " + server.connectedClients());
        assertTrue(second.pushed.contains("ifconfig 10.8.0.2 255.255.255.0"), second.pushed.toString());
    }

    @Test
    void aClientWhoseAddressChangesKeepsItsSessionOnceItsPacketsAuthenticate() throws Exception {
        TestClient erin = client(40010, "erin", "AES-256-GCM");
        await(() -> erin.keysInstalled, "erin's keys: " + erin.texts);
        erin.moveTo(40011);
        byte[] fromNewPort = ipv4("10.8.0.2", "10.8.0.1", "after NAT rebinding");
        erin.send(fromNewPort);
        assertArrayEquals(fromNewPort, tun.toHost.poll(5, TimeUnit.SECONDS), "accepted from the new address");
        byte[] back = ipv4("10.8.0.1", "10.8.0.2", "to the new address");
        tun.fromHost.add(back);
        assertArrayEquals(back, erin.tunnel.poll(5, TimeUnit.SECONDS), "the server now sends to the new address");
        // Garbage with erin's peer id from yet another address does not move her.
        TestClient eve = new TestClient(40012, udp, PKI.issue(CA, "eve", TestPki.Kind.EC, TestPki.Usage.CLIENT), CA,
                "AES-256-GCM", TestClient.testCrypto());
        clients.add(eve);
        eve.sendRaw(new byte[] {(byte) (9 << 3), 0, 0, 0, 0, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20});
        byte[] again = ipv4("10.8.0.1", "10.8.0.2", "still at the new address");
        tun.fromHost.add(again);
        assertArrayEquals(again, erin.tunnel.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void twoServerInstancesInOneJvmAreIndependent() throws Exception {
        MemoryTun otherTun = new MemoryTun();
        MemoryUdp otherUdp = new MemoryUdp();
        TestPki.Issued cert = PKI.issue(CA, "server2", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings tls = TlsSettings.builder("second").trustAnchors(List.of(CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        ServerSettings settings = new ServerSettings("second",
                List.of(new ListenSpec(TransportProtocol.UDP, new InetSocketAddress("198.18.0.1", 1195))),
                new TunRequest(Optional.empty(), DeviceType.TUN, 1500), ServerSettings.Topology.SUBNET,
                Optional.of(new ServerSettings.Ipv4Network(v4("10.9.0.1"), v4("255.255.255.0"), v4("10.9.0.2"),
                        v4("10.9.0.254"))),
                Optional.empty(), List.of(), List.of(), List.of("AES-256-GCM"), Optional.empty(), "SHA1",
                Duration.ofSeconds(10), Duration.ofSeconds(120), 10, false, false, Optional.empty(), false,
                Optional.empty(), 64, 15, Duration.ZERO, tls, protection, CompatMode.NONE, ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS, ServerSettings.ConnectRates.DEFAULTS);
        ServerInstance second = new ServerInstance(settings,
                Platform.forServer(TestClient.testCrypto(), otherTun, Optional.of(otherUdp), Optional.empty()),
                ClientConfigSource.NONE, TunnelLog.forVerb(1), Clock.system(),
                java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new SecureRandom());
        second.start();
        try {
            TestClient one = client(40013, "alice", "AES-256-GCM");
            TestClient two = new TestClient(40013, otherUdp, PKI.issue(CA, "alice", TestPki.Kind.EC,
                    TestPki.Usage.CLIENT), CA, "AES-256-GCM", TestClient.testCrypto()).start();
            clients.add(two);
            await(() -> one.keysInstalled && two.keysInstalled, "a client on each instance");
            assertTrue(two.pushed.contains("ifconfig 10.9.0.2 255.255.255.0"), two.pushed.toString());
            assertTrue(one.pushed.contains("ifconfig 10.8.0.2 255.255.255.0"), one.pushed.toString());
            // The same common name on both: each instance keeps its own client (no cross-instance replacement).
            assertEquals(List.of("alice 10.8.0.2"), server.connectedClients());
            assertEquals(List.of("alice 10.9.0.2"), second.connectedClients());
            byte[] p = ipv4("10.9.0.2", "10.9.0.1", "second instance");
            two.send(p);
            assertArrayEquals(p, otherTun.toHost.poll(5, TimeUnit.SECONDS));
            assertTrue(tun.toHost.isEmpty(), "nothing reached the first instance's device");
        } finally {
            second.close();
            otherUdp.shutdown();
        }
    }

    private static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }
}
