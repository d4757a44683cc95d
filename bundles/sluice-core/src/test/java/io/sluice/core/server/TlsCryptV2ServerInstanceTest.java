package io.sluice.core.server;

import static io.sluice.core.testing.TestPackets.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.event.HookResult;
import io.sluice.api.event.TunnelEvent;
import io.sluice.api.event.TunnelEventListener;
import io.sluice.api.event.TunnelEventType;
import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.TunRequest;
import io.sluice.config.CompatMode;
import io.sluice.core.engine.Platform;
import io.sluice.core.events.EventDispatcher;
import io.sluice.core.events.InstanceEvents;
import io.sluice.core.events.ScriptHooks;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.testing.MemoryTun;
import io.sluice.core.time.Clock;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.wire.AckRecord;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.EarlyNegotiation;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.core.wire.ControlProtections;
import io.sluice.core.wire.ControlReplay;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.RejectCounters;
import io.sluice.core.wire.SessionId;
import io.sluice.core.wire.TlsCryptV2Spec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tls-crypt-v2 server in memory: first packets that do not carry a key wrapped under its
 * server key are counted and dropped before any client exists; a genuine V3 reset is answered
 * only once tls-crypt-v2-verify (here a listener) accepts the key's metadata, and a refusal
 * drops the session and is counted.
 */
@Timeout(60)
class TlsCryptV2ServerInstanceTest {

    private static final TestPki PKI = new TestPki();
    private static final TestPki.Authority CA = PKI.root("Sluice Test CA");

    private final MemoryTun tun = new MemoryTun();
    private final MemoryUdp udp = new MemoryUdp();
    private final List<TunnelEvent> verified = new CopyOnWriteArrayList<>();
    private volatile boolean accept = true;
    private ServerInstance server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        udp.shutdown();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = TlsCryptV2ServerInstanceTest.class.getResourceAsStream("/io/sluice/core/wire/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private ServerInstance start() throws Exception {
        TestPki.Issued cert = PKI.issue(CA, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings tls = TlsSettings.builder("server").trustAnchors(List.of(CA.certificate()))
                .credentials(cert.chain(), cert.key()).build();
        ControlProtectionSpec protection = ControlProtectionSpec.tlsCryptV2(
                TlsCryptV2Spec.server(TlsCryptV2ServerKey.parse(fixture("tls-crypt-v2-server.key")), 0), "SHA1");
        ServerSettings settings = new ServerSettings("v2",
                List.of(new ListenSpec(TransportProtocol.UDP, new InetSocketAddress("198.18.0.1", 1194))),
                new TunRequest(Optional.empty(), DeviceType.TUN, 1500), ServerSettings.Topology.SUBNET,
                Optional.of(new ServerSettings.Ipv4Network(v4("10.8.0.1"), v4("255.255.255.0"), v4("10.8.0.2"),
                        v4("10.8.0.254"))),
                Optional.empty(), List.of(), List.of(), List.of("AES-256-GCM"), Optional.empty(), "SHA1",
                Duration.ofSeconds(10), Duration.ofSeconds(120), 10, false, false, Optional.empty(), false,
                Optional.empty(), 64, 15, Duration.ZERO, tls, protection, CompatMode.NONE,
                ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS, ServerSettings.ConnectRates.DEFAULTS);
        TunnelEventListener verifier = event -> {
            if (event.type() == TunnelEventType.TLS_CRYPT_V2_VERIFY) {
                verified.add(event);
                return CompletableFuture.completedFuture(accept ? HookResult.PROCEED : HookResult.deny("not today"));
            }
            return CompletableFuture.completedFuture(HookResult.PROCEED);
        };
        TunnelLog log = TunnelLog.forVerb(3);
        InstanceEvents events = new InstanceEvents(new EventDispatcher("v2",
                ScriptHooks.none(Path.of("").toAbsolutePath()), () -> List.of(verifier), log), Map.of());
        server = new ServerInstance(settings,
                Platform.forServer(TestClient.testCrypto(), tun, Optional.of(udp), Optional.empty()),
                ClientConfigSource.NONE, log, Clock.system(), java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC),
                new SecureRandom(), events);
        server.start();
        return server;
    }

    /** A client's V3 reset under {@code keyFile}, sealed as our tls-crypt-v2 client seals it. */
    private static byte[] v3Reset(String keyFile) throws Exception {
        return new V2Client(keyFile).reset();
    }

    /** One tls-crypt-v2 client's control channel, as OpenVPN 2.6 starts it (it announces early negotiation). */
    private static final class V2Client {
        private static final SessionId ID = SessionId.fromHex("0123456789abcdef");
        private final ControlCodec codec;

        V2Client(String keyFile) throws Exception {
            ControlReplay replay = ControlReplay.defaults(java.time.Clock.fixed(TestPki.NOW, ZoneOffset.UTC),
                    new io.sluice.core.time.FakeClock());
            codec = new ControlCodec(ControlLimits.DEFAULT, ControlProtections.tlsCryptV2Client(
                    TlsCryptV2ClientKey.parse(fixture(keyFile)), ControlLimits.DEFAULT, replay).newWrapper(),
                    new RejectCounters());
        }

        byte[] reset() {
            return encode(new ControlPacket(Opcode.P_CONTROL_HARD_RESET_CLIENT_V3, 0, ID, AckRecord.EMPTY, 0,
                    new byte[0]));
        }

        /** The first TLS packet, acking the server's reset and carrying the wrapped key again. */
        byte[] wrappedKeyAgain(SessionId server) {
            byte[] partialTlsRecord = {0x16, 0x03, 0x01}; // TLS waits for the rest: nothing fails
            return encode(new ControlPacket(Opcode.P_CONTROL_WKC_V1, 0, ID, AckRecord.of(server, 0), 1,
                    partialTlsRecord));
        }

        ControlMessage decode(byte[] datagram) {
            assertNotNull(datagram, "an answer from the server");
            return codec.decode(ByteBuffer.wrap(datagram)).value();
        }

        private byte[] encode(ControlMessage message) {
            ByteBuffer out = ByteBuffer.allocate(codec.maxEncodedLength(message));
            codec.encode(message, out);
            return java.util.Arrays.copyOf(out.array(), out.position());
        }
    }

    private static InetSocketAddress from(int port) {
        return new InetSocketAddress("198.18.0.2", port);
    }

    @Test
    void garbageForeignKeysAndPlainResetsAreCountedAndDroppedBeforeAnyClientExists() throws Exception {
        start();
        Random random = new Random(5);
        int sent = 0;
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[9 + random.nextInt(1200)]; // a whole header, so each reaches the protection
            random.nextBytes(garbage);
            garbage[0] = (byte) (Opcode.P_CONTROL_HARD_RESET_CLIENT_V3.code() << 3);
            udp.fromClient(from(41000 + i), garbage);
            sent++;
        }
        udp.fromClient(from(42000), v3Reset("tls-crypt-v2-other-client.key"));
        byte[] plainV2 = v3Reset("tls-crypt-v2-client.key");
        plainV2[0] = (byte) (Opcode.P_CONTROL_HARD_RESET_CLIENT_V2.code() << 3);
        udp.fromClient(from(42001), plainV2);
        sent += 2;
        int expected = sent;
        await(() -> server.dropCounters().controlAuthFailures() == expected, "all counted: " + server.dropCounters());
        assertEquals(0, server.clientCount());
        assertNull(udp.queueFor(from(42000)).poll(200, TimeUnit.MILLISECONDS), "no answer to a foreign key");
        assertTrue(verified.isEmpty(), "nothing reached tls-crypt-v2-verify");
    }

    @Test
    void aGenuineKeyIsAnsweredStatelesslyThenVerifiedWhenResentAndARefusedOneLeavesNoSession() throws Exception {
        start();
        V2Client alice = new V2Client("tls-crypt-v2-client.key");
        udp.fromClient(from(43000), alice.reset());
        ControlPacket reply = (ControlPacket) alice.decode(udp.queueFor(from(43000)).poll(10, TimeUnit.SECONDS));
        assertEquals(Opcode.P_CONTROL_HARD_RESET_SERVER_V2, reply.opcode());
        assertTrue(EarlyNegotiation.parse(reply.payload()).value().resendWrappedClientKey(), "asks for the key again");
        assertEquals(0, server.clientCount(), "nothing kept for a reset");
        assertTrue(verified.isEmpty(), "nor verified yet");

        udp.fromClient(from(43000), alice.wrappedKeyAgain(reply.sessionId()));
        ControlMessage ack = alice.decode(udp.queueFor(from(43000)).poll(10, TimeUnit.SECONDS));
        assertEquals(AckRecord.of(V2Client.ID, 1), ack.acks(), "the resent key's packet is taken once verified");
        assertEquals(1, server.clientCount());
        TunnelEvent event = verified.get(0);
        assertEquals("tls-crypt-v2-verify", event.environment().get("script_type"));
        assertEquals("1", event.environment().get("metadata_type"));
        assertEquals(8, java.util.Base64.getDecoder().decode(event.environment().get("metadata_base64")).length,
                "the timestamp after the type byte");

        accept = false;
        V2Client bob = new V2Client("tls-crypt-v2-client-metadata.key");
        udp.fromClient(from(43001), bob.reset());
        ControlPacket bobsReply = (ControlPacket) bob.decode(udp.queueFor(from(43001)).poll(10, TimeUnit.SECONDS));
        udp.fromClient(from(43001), bob.wrappedKeyAgain(bobsReply.sessionId()));
        await(() -> server.dropCounters().clientKeysRefused() == 1, "refused: " + server.dropCounters());
        await(() -> server.clientCount() == 1, "only the first client is left");
        assertEquals("0", verified.get(1).environment().get("metadata_type"));
        assertNull(udp.queueFor(from(43001)).poll(300, TimeUnit.MILLISECONDS), "no answer to a refused key");
        assertEquals(0, server.dropCounters().controlAuthFailures());
        assertEquals(0, server.dropCounters().badCookiePackets());
    }

    private static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }
}
