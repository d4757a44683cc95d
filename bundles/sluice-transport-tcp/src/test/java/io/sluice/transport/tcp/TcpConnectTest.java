package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TcpConnectTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private final TcpTransport transport = newTransport();

    private static TcpTransport newTransport() {
        try {
            return new TcpTransport(TcpSettings.defaults(2).withConnectTimeout(Duration.ofMillis(500)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    private static Throwable failureOf(CompletableFuture<PacketLink> stage) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void connectingToAClosedLocalPortFailsTheStageWithConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        RecordingReceiver receiver = new RecordingReceiver();
        CompletableFuture<PacketLink> stage = transport.connect(new InetSocketAddress("127.0.0.1", closedPort), null,
                LinkOptions.DEFAULTS, receiver).toCompletableFuture();
        assertInstanceOf(ConnectException.class, failureOf(stage));
        assertEquals(1, transport.stats().connectFailures());
        assertEquals(0, receiver.closedCalls.get(), "no link, nothing to close");
    }

    @Test
    void connectingToAListenerWithAFullBacklogTimesOut() throws Exception {
        // Linux holds backlog + 1 connections for a listener that never accepts and then
        // drops further SYNs: the connect neither succeeds nor fails, all on loopback.
        try (ServerSocketChannel stalled = ServerSocketChannel.open()) {
            stalled.bind(LOOPBACK, 1);
            InetSocketAddress address = (InetSocketAddress) stalled.getLocalAddress();
            List<Socket> filling = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket socket = new Socket();
                    socket.connect(address, 5_000);
                    filling.add(socket);
                }
                CompletableFuture<PacketLink> stage = transport.connect(address, null, LinkOptions.DEFAULTS,
                        new RecordingReceiver()).toCompletableFuture();
                Throwable cause = failureOf(stage);
                assertInstanceOf(SocketTimeoutException.class, cause);
                assertTrue(cause.getMessage().contains(String.valueOf(address.getPort())), cause.getMessage());
                assertEquals(1, transport.stats().connectTimeouts());
            } finally {
                for (Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aCallerGivingUpOnTheStageAbandonsTheAttempt() throws Exception {
        try (ServerSocketChannel stalled = ServerSocketChannel.open()) {
            stalled.bind(LOOPBACK, 1);
            InetSocketAddress address = (InetSocketAddress) stalled.getLocalAddress();
            List<Socket> filling = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket socket = new Socket();
                    socket.connect(address, 5_000);
                    filling.add(socket);
                }
                // One I/O thread: both attempts' timeouts are due on it, the abandoned one first.
                TcpTransport single = new TcpTransport(TcpSettings.defaults(1).withConnectTimeout(Duration.ofMillis(500)));
                try {
                    CompletableFuture<PacketLink> stage = single.connect(address, null, LinkOptions.DEFAULTS,
                            new RecordingReceiver()).toCompletableFuture();
                    assertTrue(stage.cancel(false));
                    CompletableFuture<PacketLink> later = single.connect(address, null, LinkOptions.DEFAULTS,
                            new RecordingReceiver()).toCompletableFuture();
                    assertInstanceOf(SocketTimeoutException.class, failureOf(later));
                    // Had the first attempt gone on, its earlier timeout would have been counted too.
                    assertEquals(1, single.stats().connectTimeouts());
                } finally {
                    single.deactivate();
                }
            } finally {
                for (Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void connectsFromTheLocalAddressAsked() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket portFinder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", portFinder.getLocalPort());
            portFinder.close();
            RecordingReceiver receiver = new RecordingReceiver();
            PacketLink link = transport.connect((InetSocketAddress) server.getLocalSocketAddress(), local,
                    LinkOptions.DEFAULTS, receiver).toCompletableFuture()
                    .get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try (Socket peer = server.accept()) {
                assertEquals(local, link.localAddress());
                assertEquals(local, peer.getRemoteSocketAddress());
                peer.getOutputStream().write(new byte[] {0, 2, 5, 6});
                assertArrayEquals(new byte[] {5, 6}, receiver.next().bytes());
                link.send(ByteBuffer.wrap(new byte[] {7}), null);
                byte[] framed = peer.getInputStream().readNBytes(3);
                assertArrayEquals(new byte[] {0, 1, 7}, framed);
            }
            link.close();
        }
    }

    @Test
    void connectsOverIpv6() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("::1", 0));
            PacketLink link = transport.connect((InetSocketAddress) server.getLocalSocketAddress(), null,
                    LinkOptions.DEFAULTS, new RecordingReceiver()).toCompletableFuture()
                    .get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try (Socket peer = server.accept()) {
                assertEquals(Optional.of(server.getLocalSocketAddress()), link.remoteAddress());
                assertEquals(peer.getRemoteSocketAddress(), link.localAddress());
            }
            link.close();
        }
    }

    @Test
    void refusesAFirewallMarkOrBindDeviceNamingTheOption() {
        InetSocketAddress somewhere = new InetSocketAddress("127.0.0.1", 9);
        UnsupportedOperationException mark = assertThrows(UnsupportedOperationException.class,
                () -> transport.connect(somewhere, null, new LinkOptions(0, 0, 42, Optional.empty()),
                        new RecordingReceiver()));
        assertTrue(mark.getMessage().contains("'mark'"), mark.getMessage());
        UnsupportedOperationException device = assertThrows(UnsupportedOperationException.class,
                () -> transport.listen(LOOPBACK, new LinkOptions(0, 0, 0, Optional.of("eth9")), c -> null));
        assertTrue(device.getMessage().contains("'bind-dev'"), device.getMessage());
    }

    @Test
    void appliesTheSendAndReceiveBufferSizesAsked() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<PacketLink> stage = transport.connect((InetSocketAddress) server.getLocalSocketAddress(),
                    null, new LinkOptions(12_288, 16_384, 0, Optional.empty()), new RecordingReceiver())
                    .toCompletableFuture();
            try (Socket peer = server.accept()) {
                TcpConnection link = (TcpConnection) stage.get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertAsked(12_288, link.socketOption(java.net.StandardSocketOptions.SO_SNDBUF));
                assertAsked(16_384, link.socketOption(java.net.StandardSocketOptions.SO_RCVBUF));
                assertEquals(true, link.socketOption(java.net.StandardSocketOptions.TCP_NODELAY));
                link.close();
            }
        }
    }

    /** Linux reports twice the size asked (it books its own overhead into the buffer). */
    private static void assertAsked(int asked, int reported) {
        assertTrue(reported == asked || reported == 2 * asked, "asked " + asked + ", socket has " + reported);
    }

    @Test
    void anUnresolvedAddressFailsTheStage() throws Exception {
        CompletableFuture<PacketLink> stage = transport.connect(InetSocketAddress.createUnresolved("vpn.invalid", 1194),
                null, LinkOptions.DEFAULTS, new RecordingReceiver()).toCompletableFuture();
        assertInstanceOf(java.net.UnknownHostException.class, failureOf(stage));
    }
}
