package io.sluice.core.client;

import io.sluice.config.CompatMode;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.Key2;
import io.sluice.core.wire.ControlProtectionSpec;
import static io.sluice.core.testing.TestPackets.await;
import static io.sluice.core.testing.TestPackets.ipv4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunRequest;
import io.sluice.core.control.PullFilters;
import io.sluice.core.engine.Platform;
import io.sluice.core.engine.Prompt;
import io.sluice.core.events.InstanceEvents;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.pushed.ConnectRetry;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.server.ClientConfigSource;
import io.sluice.core.server.ListenSpec;
import io.sluice.core.server.ServerInstance;
import io.sluice.core.server.ServerSettings;
import io.sluice.core.testing.MemoryTun;
import io.sluice.core.testing.MemoryWire;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.time.Clock;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sluice's client against Sluice's server, both whole, over an in-memory UDP wire with TUN
 * devices of queues: connecting, the pushed set-up applied to the device, packets both ways,
 * reconnecting after the server restarts, AUTH_FAILED and giving up.
 */
@Timeout(90)
class ClientInstanceTest {

    private static final TestPki PKI = new TestPki();
    private static final TestPki.Authority CA = PKI.root("Sluice Test CA");
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.18.0.1", 1194);

    private final MemoryWire wire = new MemoryWire(address("198.18.0.2"));
    /** The control-channel protection both ends use; a test may set it before starting them. */
    private ControlProtectionSpec protection = ControlProtectionSpec.NONE;
    private final MemoryTun serverTun = new MemoryTun();
    private final MemoryTun clientTun = new MemoryTun();
    private ServerInstance server;
    private ClientInstance client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theClientConnectsAppliesWhatWasPushedAndPacketsFlowBothWays() throws Exception {
        server = startServer(List.of("AES-256-GCM", "AES-128-GCM"));
        client = startClient(List.of("AES-128-GCM", "AES-256-GCM"), AuthRetry.NONE, ConnectRetry.DEFAULT);
        await(client::connected, "the client connected");

        assertTrue(clientTun.isUp());
        assertEquals(List.of(new IfAddress(address("10.8.0.2"), 24, Optional.empty())), clientTun.addresses);
        assertEquals(List.of(new Route(address("10.20.0.0"), 16, Optional.of(address("10.8.0.1")), 0)),
                clientTun.routes, "the pushed route, via the pushed route-gateway");

        byte[] up = ipv4("10.8.0.2", "10.8.0.1", "client to server");
        clientTun.fromHost.add(up);
        assertArrayEquals(up, serverTun.toHost.poll(10, TimeUnit.SECONDS), "through the tunnel to the server's host");
        byte[] down = ipv4("10.8.0.1", "10.8.0.2", "server to client");
        serverTun.fromHost.add(down);
        assertArrayEquals(down, clientTun.toHost.poll(10, TimeUnit.SECONDS), "back to the client's host");
    }

    @ParameterizedTest
    @EnumSource(value = ControlProtectionSpec.Kind.class, names = {"TLS_AUTH", "TLS_CRYPT"})
    void withTlsAuthOrTlsCryptBothEndsConnectOverALossyWireAndAClientWithAnotherKeyNeverDoes(
            ControlProtectionSpec.Kind kind) throws Exception {
        Key2 key = Key2.of(randomBytes(Key2.LENGTH, 7));
        // tls-auth as providers ship it: server direction 0, client direction 1, and a non-default digest.
        protection = new ControlProtectionSpec(kind, Optional.of(key), KeyDirection.NORMAL, "SHA256");
        server = startServer(List.of("AES-256-GCM"));
        protection = new ControlProtectionSpec(kind, Optional.of(Key2.of(randomBytes(Key2.LENGTH, 8))),
                KeyDirection.INVERSE, "SHA256");
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, new ConnectRetry(0, 0, 2, true, false),
                Duration.ofSeconds(1));
        assertEquals(ClientInstance.EXIT_OK, client.finished().get(30, TimeUnit.SECONDS));
        assertFalse(client.connected(), "another key never gets a session");
        assertEquals(0, server.clientCount());
        assertTrue(server.counters().controlAuthFailures() > 0, server.counters().toString());
        client.close();

        Random loss = new Random(42);
        wire.dropWhen(d -> loss.nextInt(5) == 0);
        protection = new ControlProtectionSpec(kind, Optional.of(key), KeyDirection.INVERSE, "SHA256");
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, ConnectRetry.DEFAULT);
        await(client::connected, "the client connected with the right key");
        wire.dropWhen(d -> false);
        byte[] up = ipv4("10.8.0.2", "10.8.0.1", "protected control channel");
        clientTun.fromHost.add(up);
        assertArrayEquals(up, serverTun.toHost.poll(10, TimeUnit.SECONDS));
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aWireThatLosesAFifthOfAllDatagramsStillConnectsAndCarriesTraffic() throws Exception {
        Random loss = new Random(42);
        wire.dropWhen(d -> loss.nextInt(5) == 0);
        server = startServer(List.of("AES-256-GCM"));
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, ConnectRetry.DEFAULT);
        await(client::connected, "the client connected over a lossy wire");
        assertTrue(wire.dropped() > 0, "the wire really lost datagrams");
        wire.dropWhen(d -> false);
        byte[] up = ipv4("10.8.0.2", "10.8.0.1", "after the storm");
        clientTun.fromHost.add(up);
        assertArrayEquals(up, serverTun.toHost.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void forgedAndMalformedPacketsFromTheServersAddressAreDroppedAndTheTunnelStaysUp() throws Exception {
        server = startServer(List.of("AES-256-GCM"));
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, ConnectRetry.DEFAULT);
        await(client::connected, "connected");
        InetSocketAddress clientAddress = wire.boundAddresses().stream().filter(a -> !a.equals(SERVER)).findFirst()
                .orElseThrow();
        byte[][] hostile = {
            new byte[0],
            {(byte) 0xFF},
            {(byte) (9 << 3), 0, 0, 0},                                     // P_DATA_V2, truncated
            {(byte) (9 << 3), 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
            {(byte) ((9 << 3) | 5), 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},   // a key id nobody has
            {(byte) (4 << 3), 1, 2, 3, 4, 5, 6, 7, 8, (byte) 200, 0, 0},    // P_CONTROL_V1 claiming 200 acks
            {(byte) (8 << 3), 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0},        // a server hard reset, out of place
        };
        for (byte[] datagram : hostile) {
            wire.inject(SERVER, clientAddress, datagram);
        }
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[1 + i * 7 % 1400];
            new Random(i).nextBytes(noise);
            wire.inject(SERVER, clientAddress, noise);
        }
        wire.inject(new InetSocketAddress("198.18.0.66", 1194), clientAddress, hostile[3]);
        await(() -> client.drops().get(ClientDrops.Reason.WRONG_SENDER) == 1, "a packet from elsewhere: " + client.drops());
        assertTrue(client.drops().get(ClientDrops.Reason.MALFORMED) >= 2, client.drops().toString());
        assertTrue(client.drops().get(ClientDrops.Reason.BAD_DATA) >= 2, client.drops().toString());
                byte[] up = ipv4("10.8.0.2", "10.8.0.1", "after the garbage");
        clientTun.fromHost.add(up);
        assertArrayEquals(up, serverTun.toHost.poll(10, TimeUnit.SECONDS));
        byte[] down = ipv4("10.8.0.1", "10.8.0.2", "the way back works too");
        serverTun.fromHost.add(down);
        assertArrayEquals(down, clientTun.toHost.poll(10, TimeUnit.SECONDS));
        assertTrue(client.connected(), "still the same connection");
    }

    @Test
    void whenTheServerRestartsTheClientReconnectsByItselfAndTrafficResumes() throws Exception {
        server = startServer(List.of("AES-256-GCM"));
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, new ConnectRetry(1, 2, 0, true, false));
        await(client::connected, "first connection");
        server.close(); // sends RESTART to its clients, as OpenVPN's server does on SIGTERM
        await(() -> !client.connected(), "the client noticed the restart");
        server = startServer(List.of("AES-256-GCM"));
        await(client::connected, "the client reconnected to the new server");
        assertTrue(clientTun.isUp(), "the device was set up again");
        assertEquals(List.of(new IfAddress(address("10.8.0.2"), 24, Optional.empty())), clientTun.addresses);
        byte[] up = ipv4("10.8.0.2", "10.8.0.1", "after the restart");
        clientTun.fromHost.add(up);
        assertArrayEquals(up, serverTun.toHost.poll(10, TimeUnit.SECONDS));
        assertTrue(client.finished().getNow(-1) == -1, "the client is still running");
    }

    @Test
    void authFailedWithAuthRetryNoneEndsTheClient() throws Exception {
        server = startServer(List.of("AES-128-GCM"));
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, ConnectRetry.DEFAULT);
        assertEquals(ClientInstance.EXIT_OK, client.finished().get(30, TimeUnit.SECONDS),
                "no shared cipher: the server says AUTH_FAILED and the client stops, with status 0 as OpenVPN");
        assertEquals(Optional.of("AUTH_FAILED"), client.endReason());
        assertTrue(clientTun.addresses.isEmpty(), "nothing was configured");
    }

    @Test
    void withNoServerTheClientGivesUpAfterConnectRetryMaxRoundsOfEveryRemote() throws Exception {
        client = startClient(List.of("AES-256-GCM"), AuthRetry.NONE, new ConnectRetry(0, 0, 2, true, false),
                Duration.ofSeconds(1));
        assertEquals(ClientInstance.EXIT_OK, client.finished().get(30, TimeUnit.SECONDS));
        assertEquals(Optional.of("connect-retry-max"), client.endReason());
        assertTrue(wire.dropped() >= 2, "both attempts sent a reset into the void: " + wire.dropped());
    }

    // --- set-up -----------------------------------------------------------------------------

    private ServerInstance startServer(List<String> ciphers) throws Exception {
        TestPki.Issued cert = PKI.issue(CA, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings tls = TlsSettings.builder("server").trustAnchors(List.of(CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        // What OpenVPN's 'server 10.8.0.0 255.255.255.0' with 'topology subnet' pushes, plus a route.
        ServerSettings settings = new ServerSettings("server", List.of(new ListenSpec(TransportProtocol.UDP, SERVER)),
                new TunRequest(Optional.empty(), DeviceType.TUN, 1500), ServerSettings.Topology.SUBNET,
                Optional.of(new ServerSettings.Ipv4Network(v4("10.8.0.1"), v4("255.255.255.0"), v4("10.8.0.2"),
                        v4("10.8.0.254"))),
                Optional.empty(), List.of(),
                List.of("topology subnet", "route-gateway 10.8.0.1", "route 10.20.0.0 255.255.0.0"), ciphers,
                Optional.empty(), "SHA1", Duration.ofSeconds(1), Duration.ofSeconds(10), 10, false, false,
                Optional.empty(), false, Optional.empty(), 64, 15, Duration.ZERO, tls, protection, CompatMode.NONE,
                ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS, ServerSettings.ConnectRates.DEFAULTS);
        ServerInstance s = new ServerInstance(settings,
                Platform.forServer(TestCrypto.providers(), serverTun, Optional.of(wire), Optional.empty()),
                ClientConfigSource.NONE, TunnelLog.forVerb(4), Clock.system(),
                java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new SecureRandom());
        s.start();
        return s;
    }

    private ClientInstance startClient(List<String> ciphers, AuthRetry authRetry, ConnectRetry retry)
            throws IOException {
        return startClient(ciphers, authRetry, retry, Duration.ofSeconds(10));
    }

    private ClientInstance startClient(List<String> ciphers, AuthRetry authRetry, ConnectRetry retry,
                                       Duration serverPollTimeout) throws IOException {
        TestPki.Issued cert = PKI.issue(CA, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsSettings tls = TlsSettings.builder("client").trustAnchors(List.of(CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        ClientSettings settings = new ClientSettings("client",
                List.of(RemoteSpec.of(SERVER.getAddress().getHostAddress(), SERVER.getPort(), TransportProtocol.UDP)),
                false, retry, serverPollTimeout, false, new TunRequest(Optional.empty(), DeviceType.TUN, 1500),
                LocalRouting.builder().build(), false, Optional.empty(), authRetry, false, ciphers, Optional.empty(),
                "SHA1", Duration.ZERO, Duration.ZERO, Duration.ZERO, PullFilters.NONE, 64, 15, tls, protection, CompatMode.NONE,
                ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS);
        ClientInstance c = new ClientInstance(settings,
                new Platform(TestCrypto.providers(), clientTun, Optional.of(wire), Optional.empty(), Optional.empty(),
                        Optional.empty()),
                TunnelLog.forVerb(4), Clock.system(), java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC),
                new SecureRandom(), Prompt.NONE, InstanceEvents.none("client", TunnelLog.forVerb(4)));
        c.start();
        return c;
    }

    private static Inet4Address v4(String s) {
        return (Inet4Address) address(s);
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
