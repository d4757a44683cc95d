package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.TransportProtocol;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TcpEchoTest {

    private final TcpTransport transport = newTransport();

    private static TcpTransport newTransport() {
        try {
            return new TcpTransport(TcpSettings.defaults(2));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    static byte[] packet(int client, int index) {
        // Sizes from 1 byte to above a 1500 MTU, and now and then a jumbo one.
        int size = index % 25 == 24 ? 9000 : 1 + (client * 131 + index * 97) % 1700;
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (client * 7 + index * 3 + i);
        }
        return bytes;
    }

    @Test
    void echoesFramedPacketsForFiftyConcurrentClientsOnOnePort() throws Exception {
        EchoServer echo = new EchoServer();
        int clients = 50;
        int packetsEach = 100;
        int batch = 10;
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("127.0.0.1", 0),
                LinkOptions.DEFAULTS, echo)) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    results.add(pool.submit(() -> {
                        int echoed = 0;
                        try (FramedSocket socket = new FramedSocket(listener.localAddress())) {
                            for (int first = 0; first < packetsEach; first += batch) {
                                // A batch in one write: the server sees frames coalesced and split.
                                ByteArrayOutputStream burst = new ByteArrayOutputStream();
                                for (int i = first; i < first + batch; i++) {
                                    burst.write(FramedSocket.frame(packet(client, i)));
                                }
                                socket.writeRaw(burst.toByteArray());
                                for (int i = first; i < first + batch; i++) {
                                    assertArrayEquals(packet(client, i), socket.readFrame(),
                                            "client " + client + " packet " + i);
                                    echoed++;
                                }
                            }
                        }
                        return echoed;
                    }));
                }
                for (Future<Integer> result : results) {
                    assertEquals(packetsEach, result.get(RecordingReceiver.TIMEOUT_SECONDS * 3, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(clients, transport.stats().acceptedCount());
            assertEquals(0, transport.stats().droppedPackets());
        }
    }

    @Test
    void transportClientsExchangePacketsWithATransportServerOverIpv6() throws Exception {
        EchoServer echo = new EchoServer();
        int clients = 20;
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("::1", 0),
                LinkOptions.DEFAULTS, echo)) {
            List<PacketLink> links = new ArrayList<>();
            List<RecordingReceiver> receivers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                RecordingReceiver receiver = new RecordingReceiver();
                receivers.add(receiver);
                links.add(transport.connect(listener.localAddress(), null, LinkOptions.DEFAULTS, receiver)
                        .toCompletableFuture().get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            for (int i = 0; i < 20; i++) {
                for (int c = 0; c < clients; c++) {
                    links.get(c).send(ByteBuffer.wrap(packet(c, i)), null);
                }
            }
            for (int c = 0; c < clients; c++) {
                for (int i = 0; i < 20; i++) {
                    RecordingReceiver.Received got = receivers.get(c).next();
                    assertArrayEquals(packet(c, i), got.bytes());
                    assertEquals(listener.localAddress(), got.from());
                }
            }
            for (PacketLink link : links) {
                link.close();
            }
        }
    }

    @Test
    void connectionsDescribeBothEnds() throws Exception {
        EchoServer echo = new EchoServer();
        try (Closeable listening = transport.listen(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, echo)) {
            InetSocketAddress server = ((TcpListener) listening).localAddress();
            PacketLink client = transport.connect(server, null, LinkOptions.DEFAULTS, new RecordingReceiver())
                    .toCompletableFuture().get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            PacketLink accepted = echo.nextAccepted();
            assertEquals(TransportProtocol.TCP, client.protocol());
            assertEquals(Optional.of(server), client.remoteAddress());
            assertEquals(server, accepted.localAddress());
            assertEquals(Optional.of(client.localAddress()), accepted.remoteAddress());
            client.close();
        }
    }

    @Test
    void aDualStackListenerReportsIpv4ClientsAsPlainIpv4() throws Exception {
        EchoServer echo = new EchoServer();
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("::", 0),
                LinkOptions.DEFAULTS, echo)) {
            int port = listener.localAddress().getPort();
            try (FramedSocket v4 = new FramedSocket(new InetSocketAddress("127.0.0.1", port));
                 FramedSocket v6 = new FramedSocket(new InetSocketAddress("::1", port))) {
                PacketLink first = echo.nextAccepted();
                PacketLink second = echo.nextAccepted();
                PacketLink fromV4 = first.remoteAddress().get().getAddress() instanceof Inet4Address ? first : second;
                assertInstanceOf(Inet4Address.class, fromV4.remoteAddress().get().getAddress());
                assertEquals(v4.socket.getLocalSocketAddress(), fromV4.remoteAddress().get());

                v4.writeFrame(new byte[] {4});
                v6.writeFrame(new byte[] {6});
                assertArrayEquals(new byte[] {4}, v4.readFrame());
                assertArrayEquals(new byte[] {6}, v6.readFrame());
            }
        }
    }

    @Test
    void carriesThePacketOfTheLargestLengthThePrefixCanSay() throws Exception {
        EchoServer echo = new EchoServer();
        byte[] largest = new byte[65_535];
        for (int i = 0; i < largest.length; i++) {
            largest[i] = (byte) (i % 251);
        }
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("127.0.0.1", 0),
                LinkOptions.DEFAULTS, echo);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            client.writeFrame(largest);
            client.writeFrame(new byte[] {1});
            assertArrayEquals(largest, client.readFrame());
            assertArrayEquals(new byte[] {1}, client.readFrame());
        }
    }

    @Test
    void deliversOnNamedIoThreadsSpreadOverThePool() throws Exception {
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.BlockingQueue<RecordingReceiver> receivers = new java.util.concurrent.LinkedBlockingQueue<>();
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("127.0.0.1", 0),
                LinkOptions.DEFAULTS, link -> {
                    threads.add(Thread.currentThread().getName());
                    RecordingReceiver r = new RecordingReceiver();
                    receivers.add(r);
                    return r;
                })) {
            List<FramedSocket> sockets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                FramedSocket socket = new FramedSocket(listener.localAddress());
                sockets.add(socket);
                socket.writeFrame(new byte[] {(byte) i});
            }
            Set<String> delivering = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                RecordingReceiver receiver = receivers.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                delivering.add(receiver.next().thread());
            }
            assertEquals(Set.of("sluice-tcp-io-0", "sluice-tcp-io-1"), threads, "acceptor on each I/O thread");
            assertEquals(Set.of("sluice-tcp-io-0", "sluice-tcp-io-1"), delivering);
            for (FramedSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
