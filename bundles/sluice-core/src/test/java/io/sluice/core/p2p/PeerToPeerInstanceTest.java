package io.sluice.core.p2p;

import static io.sluice.core.testing.TestPackets.await;
import static io.sluice.core.testing.TestPackets.ipv4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.PacketLink;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunRequest;
import io.sluice.api.transport.LinkOptions;
import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.engine.Platform;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.testing.MemoryTun;
import io.sluice.core.testing.MemoryWire;
import io.sluice.core.testing.TestCrypto;
import io.sluice.core.time.Clock;
import io.sluice.core.time.FakeClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two static-key peers, whole, over an in-memory UDP wire with TUN devices of queues: one knows
 * the other's address ({@code remote}), the other learns it from the first authentic packet;
 * packets cross both ways with OpenVPN's point-to-point addresses and routes on the devices; a
 * peer with another key never gets a packet through; OCC requests are answered as OpenVPN
 * answers them.
 */
@Timeout(60)
class PeerToPeerInstanceTest {

    private static final InetSocketAddress A = new InetSocketAddress("198.18.0.1", 1194);
    private static final InetSocketAddress B = new InetSocketAddress("198.18.0.2", 1194);

    private final MemoryWire wire = new MemoryWire(address("198.18.0.100"));
    private final Key2 key = randomKey(1);
    private final List<PeerToPeerInstance> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(PeerToPeerInstance::close);
    }

    private PeerToPeerInstance start(MemoryTun tun, Key2 key2, KeyDirection direction, InetSocketAddress bind,
                                     InetSocketAddress remote, String... routing) throws Exception {
        LocalRouting.Builder r = LocalRouting.builder();
        for (String line : routing) {
            r.option(line);
        }
        P2pSettings settings = new P2pSettings("p2p-" + bind.getPort(), new TunRequest(Optional.empty(),
                DeviceType.TUN, 1500), r.build(), key2, direction, "AES-256-CBC", "SHA256", 64, 15,
                P2pSettings.Link.UDP, Optional.of(bind),
                Optional.ofNullable(remote).map(a -> new P2pSettings.Remote(a.getHostString(), a.getPort(), 4)),
                false, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(5), false);
        PeerToPeerInstance peer = new PeerToPeerInstance(settings, new Platform(TestCrypto.providers(), tun,
                Optional.of(wire), Optional.empty(), Optional.empty(), Optional.empty()), TunnelLog.forVerb(4),
                Clock.system(), java.time.Clock.systemUTC(), new SecureRandom());
        peer.start();
        started.add(peer);
        return peer;
    }

    @Test
    void twoPeersPingEachOtherOneLearningTheOthersAddressFromItsFirstAuthenticPacket() throws Exception {
        MemoryTun tunA = new MemoryTun();
        MemoryTun tunB = new MemoryTun();
        PeerToPeerInstance b = start(tunB, key, KeyDirection.INVERSE, B, null, "ifconfig 10.9.0.2 10.9.0.1");
        PeerToPeerInstance a = start(tunA, key, KeyDirection.NORMAL, A, B, "ifconfig 10.9.0.1 10.9.0.2",
                "route 10.20.0.0 255.255.0.0");

        assertEquals(List.of(new IfAddress(address("10.9.0.1"), 32, Optional.of(address("10.9.0.2")))),
                tunA.addresses, "ifconfig local remote: a point-to-point address");
        assertEquals(List.of(new Route(address("10.20.0.0"), 16, Optional.of(address("10.9.0.2")), 0)), tunA.routes,
                "a route goes via the far end");
        assertTrue(tunA.isUp() && tunB.isUp());
        assertEquals(Optional.empty(), b.confirmedPeer(), "B waits to learn its peer");

        byte[] echo = ipv4("10.9.0.1", "10.9.0.2", "echo request");
        tunA.fromHost.add(echo);
        assertArrayEquals(echo, tunB.toHost.poll(10, TimeUnit.SECONDS), "through the tunnel to B");
        assertEquals(Optional.of(A), b.confirmedPeer(), "B learned A's address");
        byte[] reply = ipv4("10.9.0.2", "10.9.0.1", "echo reply");
        tunB.fromHost.add(reply);
        assertArrayEquals(reply, tunA.toHost.poll(10, TimeUnit.SECONDS), "back to A");
        assertEquals(Optional.of(B), a.confirmedPeer());

        // Keepalive pings (ping 1) keep flowing and never reach the devices.
        Thread.sleep(2500);
        assertNull(tunA.toHost.poll());
        assertNull(tunB.toHost.poll());
        assertEquals(0, a.drops().total() + b.drops().total(), a.drops() + " " + b.drops());
    }

    @Test
    void aPeerWithAnotherKeyNeverGetsAPacketThrough() throws Exception {
        MemoryTun tunB = new MemoryTun();
        MemoryTun tunMallory = new MemoryTun();
        PeerToPeerInstance b = start(tunB, key, KeyDirection.INVERSE, B, null, "ifconfig 10.9.0.2 10.9.0.1");
        start(tunMallory, randomKey(2), KeyDirection.NORMAL, new InetSocketAddress("198.18.0.3", 1194), B,
                "ifconfig 10.9.0.1 10.9.0.2");

        tunMallory.fromHost.add(ipv4("10.9.0.1", "10.9.0.2", "let me in"));
        await(() -> b.drops().get(P2pDrops.Reason.NOT_AUTHENTIC) >= 2, "B refused the packet and a keepalive");
        assertNull(tunB.toHost.poll(500, TimeUnit.MILLISECONDS), "nothing reached B's device");
        assertEquals(Optional.empty(), b.confirmedPeer(), "nor did B take the sender for its peer");
    }

    @Test
    void anOccRequestIsAnsweredWithTheStaticKeyOptionsString() throws Exception {
        PeerToPeerInstance b = start(new MemoryTun(), key, KeyDirection.INVERSE, B, null,
                "ifconfig 10.9.0.2 10.9.0.1");
        // An OpenVPN peer of direction 0, played by hand.
        StaticKeyChannel openvpn = StaticKeyCrypto.create(key, KeyDirection.NORMAL, "AES-256-CBC", "SHA256",
                TestCrypto.providers()).newChannel(new FakeClock(), java.time.Clock.systemUTC(),
                new Random(3)::nextBytes, 64, 15);
        LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        PacketLink link = wire.bind(A, LinkOptions.DEFAULTS, (l, from, packet) -> {
            byte[] copy = new byte[packet.remaining()];
            packet.get(copy);
            received.add(copy);
        });
        ByteBuffer out = ByteBuffer.allocate(2048);
        openvpn.seal(ByteBuffer.wrap(OccMessage.of(OccMessage.REQUEST)), out);
        link.send(out.flip(), B);

        String reply = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reply == null && System.nanoTime() < end) {
            byte[] packet = received.poll(1, TimeUnit.SECONDS);
            if (packet == null) {
                continue;
            }
            ByteBuffer plain = ByteBuffer.allocate(2048);
            assertEquals(DecryptStatus.OK, openvpn.open(ByteBuffer.wrap(packet), plain));
            plain.flip();
            if (!KeepalivePing.isPing(plain)) {
                assertEquals(Optional.of(OccMessage.REPLY), OccMessage.opcode(plain));
                assertEquals(0, plain.get(plain.limit() - 1), "NUL-terminated");
                reply = OccMessage.replyText(plain);
            }
        }
        assertEquals("V4,dev-type tun,link-mtu 1572,tun-mtu 1500,proto UDPv4,ifconfig 10.9.0.1 10.9.0.2"
                + ",keydir 1,cipher AES-256-CBC,auth SHA256,keysize 256,secret", reply,
                "OpenVPN's options string for this peer (options.c options_string)");
        assertEquals(Optional.of(A), b.confirmedPeer());
        link.close();
    }

    private static Key2 randomKey(long seed) {
        byte[] block = new byte[Key2.LENGTH];
        new Random(seed).nextBytes(block);
        return Key2.of(block);
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
