package io.sluice.transport.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.TransportProtocol;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpRoundTripTest {

    private final UdpTransport transport = new UdpTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void roundTripOverIpv4Loopback() throws Exception {
        roundTrip(new InetSocketAddress("127.0.0.1", 0), StandardProtocolFamily.INET, "127.0.0.1");
    }

    @Test
    void roundTripOverIpv6Loopback() throws Exception {
        roundTrip(new InetSocketAddress("::1", 0), StandardProtocolFamily.INET6, "::1");
    }

    private void roundTrip(InetSocketAddress bindTo, StandardProtocolFamily family, String peerHost) throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        try (PacketLink link = transport.bind(bindTo, LinkOptions.DEFAULTS, receiver);
             DatagramChannel peer = DatagramChannel.open(family)) {
            peer.bind(new InetSocketAddress(peerHost, 0));
            InetSocketAddress linkAddress = new InetSocketAddress(peerHost, link.localAddress().getPort());

            peer.send(ByteBuffer.wrap(new byte[] {0x38, 1, 2, 3}), linkAddress);
            RecordingReceiver.Received got = receiver.next();
            assertArrayEquals(new byte[] {0x38, 1, 2, 3}, got.bytes());
            assertEquals(peer.getLocalAddress(), got.from());
            assertEquals(link, got.link());

            ByteBuffer reply = ByteBuffer.wrap(new byte[] {0x40, 9, 8});
            link.send(reply, got.from());
            assertFalse(reply.hasRemaining(), "send consumes the packet");
            ByteBuffer answer = ByteBuffer.allocate(100);
            assertEquals(linkAddress, peer.receive(answer));
            answer.flip();
            assertEquals(ByteBuffer.wrap(new byte[] {0x40, 9, 8}), answer);
        }
    }

    @Test
    void dualStackSocketReportsIpv4PeersAsPlainIpv4AndReachesThem() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        try (PacketLink link = transport.bind(new InetSocketAddress("::", 0), LinkOptions.DEFAULTS, receiver);
             DatagramChannel v4peer = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel v6peer = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            int port = link.localAddress().getPort();
            v4peer.bind(new InetSocketAddress("127.0.0.1", 0));
            v6peer.bind(new InetSocketAddress("::1", 0));

            v4peer.send(ByteBuffer.wrap(new byte[] {4}), new InetSocketAddress("127.0.0.1", port));
            RecordingReceiver.Received fromV4 = receiver.next();
            // Not ::ffff:127.0.0.1: one peer must have one address, whichever socket it used.
            assertInstanceOf(Inet4Address.class, fromV4.from().getAddress());
            assertEquals(v4peer.getLocalAddress(), fromV4.from());

            v6peer.send(ByteBuffer.wrap(new byte[] {6}), new InetSocketAddress("::1", port));
            RecordingReceiver.Received fromV6 = receiver.next();
            assertEquals(v6peer.getLocalAddress(), fromV6.from());

            link.send(ByteBuffer.wrap(new byte[] {44}), fromV4.from());
            link.send(ByteBuffer.wrap(new byte[] {66}), fromV6.from());
            ByteBuffer in = ByteBuffer.allocate(10);
            v4peer.receive(in);
            assertEquals(44, in.get(0));
            in.clear();
            v6peer.receive(in);
            assertEquals(66, in.get(0));
        }
    }

    @Test
    void preservesPacketBoundariesForEverySizeUpToTheLargestIpv4Datagram() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        int[] sizes = {1, 2, 14, 100, 1400, 1500, 1768, 9000, 32_768, 65_507};
        try (PacketLink link = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, receiver);
             DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            peer.bind(new InetSocketAddress("127.0.0.1", 0));
            for (int size : sizes) {
                // One datagram at a time, so a full receive queue cannot drop any of them.
                peer.send(ByteBuffer.wrap(pattern(size)), link.localAddress());
                RecordingReceiver.Received got = receiver.next();
                assertEquals(size, got.bytes().length);
                assertArrayEquals(pattern(size), got.bytes());
            }
        }
    }

    @Test
    void deliversAnEmptyDatagramAsAnEmptyPacket() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        try (PacketLink link = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, receiver);
             DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            peer.send(ByteBuffer.allocate(0), link.localAddress());
            peer.send(ByteBuffer.wrap(new byte[] {7}), link.localAddress());
            assertEquals(0, receiver.next().bytes().length, "validating packets is the engine's job");
            assertArrayEquals(new byte[] {7}, receiver.next().bytes());
        }
    }

    @Test
    void linksOnSeveralLocalAddressesEachReceiveTheirOwnTraffic() throws Exception {
        RecordingReceiver onV4 = new RecordingReceiver();
        RecordingReceiver onV6 = new RecordingReceiver();
        try (PacketLink v4 = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, onV4);
             PacketLink v6 = transport.bind(new InetSocketAddress("::1", 0), LinkOptions.DEFAULTS, onV6);
             DatagramChannel peer4 = DatagramChannel.open(StandardProtocolFamily.INET);
             DatagramChannel peer6 = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            peer4.send(ByteBuffer.wrap(new byte[] {4}), v4.localAddress());
            peer6.send(ByteBuffer.wrap(new byte[] {6}), v6.localAddress());
            RecordingReceiver.Received got4 = onV4.next();
            RecordingReceiver.Received got6 = onV6.next();
            assertEquals(v4, got4.link());
            assertEquals(v6, got6.link());
            assertArrayEquals(new byte[] {4}, got4.bytes());
            assertArrayEquals(new byte[] {6}, got6.bytes());
            assertNotEquals(got4.thread(), got6.thread(), "each link has its own I/O thread");
            assertTrue(onV4.packets.isEmpty());
            assertTrue(onV6.packets.isEmpty());
        }
    }

    @Test
    void describesItselfAsAnUnconnectedUdpLinkOnItsBoundAddress() throws Exception {
        try (PacketLink link = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS,
                new RecordingReceiver())) {
            assertEquals(TransportProtocol.UDP, link.protocol());
            assertEquals(Optional.empty(), link.remoteAddress());
            assertEquals(InetAddress.getByName("127.0.0.1"), link.localAddress().getAddress());
            assertNotEquals(0, link.localAddress().getPort(), "port 0 resolved to the bound port");
        }
    }

    @Test
    void sendsFromSeveralThreadsAtOnceArriveWhole() throws Exception {
        int threads = 4;
        int perThread = 200;
        RecordingReceiver sink = new RecordingReceiver();
        RecordingReceiver unused = new RecordingReceiver();
        try (PacketLink sinkLink = transport.bind(new InetSocketAddress("127.0.0.1", 0),
                new LinkOptions(0, 4 << 20, 0, Optional.empty()), sink);
             PacketLink link = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, unused)) {
            Thread[] senders = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                byte id = (byte) t;
                senders[t] = new Thread(() -> {
                    byte[] packet = new byte[300];
                    for (int i = 0; i < perThread; i++) {
                        Arrays.fill(packet, id);
                        try {
                            link.send(ByteBuffer.wrap(packet), sinkLink.localAddress());
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    }
                });
                senders[t].start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            // Loopback may drop a datagram when the receive queue overflows; whatever arrives
            // must be one sender's packet, never a mix.
            int arrived = 0;
            RecordingReceiver.Received got;
            while ((got = sink.packets.poll(arrived == 0 ? RecordingReceiver.TIMEOUT_SECONDS : 1,
                    java.util.concurrent.TimeUnit.SECONDS)) != null) {
                byte[] bytes = got.bytes();
                assertEquals(300, bytes.length);
                for (byte b : bytes) {
                    assertEquals(bytes[0], b);
                }
                arrived++;
                if (arrived == threads * perThread) {
                    break;
                }
            }
            assertTrue(arrived > 0);
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + size);
        }
        return bytes;
    }
}
