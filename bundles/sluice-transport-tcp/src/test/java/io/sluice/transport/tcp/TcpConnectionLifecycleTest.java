package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TcpConnectionLifecycleTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

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

    /** Accepts every connection with a fresh recording receiver and hands both to the test. */
    private static final class Recording implements io.sluice.api.transport.StreamTransport.Acceptor {
        final BlockingQueue<RecordingReceiver> receivers = new LinkedBlockingQueue<>();
        final BlockingQueue<PacketLink> links = new LinkedBlockingQueue<>();

        @Override
        public PacketReceiver accepted(PacketLink connection) {
            RecordingReceiver receiver = new RecordingReceiver();
            links.add(connection);
            receivers.add(receiver);
            return receiver;
        }

        RecordingReceiver nextReceiver() throws InterruptedException {
            return receivers.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        PacketLink nextLink() throws InterruptedException {
            return links.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void peerCloseIsReportedOnceWithAnEndOfStreamCauseAfterItsLastPackets() throws Exception {
        Recording acceptor = new Recording();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor)) {
            try (FramedSocket client = new FramedSocket(listener.localAddress())) {
                client.writeFrame(new byte[] {1, 2});
                client.writeFrame(new byte[] {3});
            }
            RecordingReceiver receiver = acceptor.nextReceiver();
            receiver.awaitClosed();
            assertArrayEquals(new byte[] {1, 2}, receiver.next().bytes());
            assertArrayEquals(new byte[] {3}, receiver.next().bytes());
            assertEquals(1, receiver.closedCalls.get());
            assertInstanceOf(EOFException.class, receiver.closeCauses.get(0));
            assertEquals(1, transport.stats().closes(CloseReason.PEER_CLOSED));
        }
    }

    @Test
    void aHalfClosedPeerIsClosedOnOurSideToo() throws Exception {
        Recording acceptor = new Recording();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            client.writeFrame(new byte[] {9});
            client.socket.shutdownOutput();
            RecordingReceiver receiver = acceptor.nextReceiver();
            receiver.awaitClosed();
            assertArrayEquals(new byte[] {9}, receiver.next().bytes());
            assertInstanceOf(EOFException.class, receiver.closeCauses.get(0));
            // OpenVPN has no use for a one-way link: the client sees our side end as well.
            assertTrue(client.readsEndOfStream());
        }
    }

    @Test
    void aPeerClosingInsideAPacketIsReportedAsSuch() throws Exception {
        Recording acceptor = new Recording();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor)) {
            try (FramedSocket client = new FramedSocket(listener.localAddress())) {
                client.writeRaw(new byte[] {0, 10, 1, 2, 3});
            }
            RecordingReceiver receiver = acceptor.nextReceiver();
            receiver.awaitClosed();
            assertTrue(receiver.packets.isEmpty());
            assertTrue(receiver.closeCauses.get(0).getMessage().contains("middle of a packet"),
                    receiver.closeCauses.get(0).getMessage());
        }
    }

    @Test
    void localCloseEndsTheStreamForThePeerAndIsReportedOnceWithoutCause() throws Exception {
        Recording acceptor = new Recording();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            PacketLink link = acceptor.nextLink();
            RecordingReceiver receiver = acceptor.nextReceiver();
            link.close();
            link.close();
            receiver.awaitClosed();
            assertTrue(client.readsEndOfStream());
            assertEquals(1, receiver.closedCalls.get());
            assertNull(receiver.closeCauses.get(0));
            assertThrows(ClosedChannelException.class, () -> link.send(ByteBuffer.wrap(new byte[] {1}), null));
            assertEquals(1, transport.stats().closes(CloseReason.LOCAL));
        }
    }

    @Test
    void closingFromInsideTheReceiverDeliversNothingMoreAndReportsClosedAfterwards() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS,
                connection -> new PacketReceiver() {
                    @Override
                    public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                        events.add("received " + packet.get(packet.position()));
                        link.close();
                        events.add("returned");
                    }

                    @Override
                    public void closed(PacketLink link, Throwable cause) {
                        events.add("closed");
                    }
                });
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            // Three frames in one write: the decoder must stop after the first.
            client.writeRaw(new byte[] {0, 1, 7, 0, 1, 8, 0, 1, 9});
            assertEquals("received 7", events.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals("returned", events.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals("closed", events.poll(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertTrue(client.readsEndOfStream());
            assertTrue(events.isEmpty(), events.toString());
        }
    }

    @Test
    void anAcceptorReturningNoReceiverClosesTheConnectionAtOnce() throws Exception {
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, connection -> null);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            assertTrue(client.readsEndOfStream());
            assertEquals(1, transport.stats().closes(CloseReason.REFUSED));
        }
    }

    @Test
    void anAcceptorThatThrowsOnlyCostsThatConnection() throws Exception {
        Recording recording = new Recording();
        int[] calls = {0};
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, connection -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("engine bug");
            }
            return recording.accepted(connection);
        })) {
            try (FramedSocket first = new FramedSocket(listener.localAddress())) {
                assertTrue(first.readsEndOfStream());
            }
            try (FramedSocket second = new FramedSocket(listener.localAddress())) {
                second.writeFrame(new byte[] {2});
                assertArrayEquals(new byte[] {2}, recording.nextReceiver().next().bytes());
            }
            assertEquals(1, transport.stats().closes(CloseReason.ACCEPTOR_FAILED));
        }
    }

    @Test
    void theAcceptorMaySendBeforeItReturnsAndMissesNoPacket() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, connection -> {
            try {
                connection.send(ByteBuffer.wrap(new byte[] {0x42}), null);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return receiver;
        });
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            client.writeFrame(new byte[] {0x43});
            assertArrayEquals(new byte[] {0x42}, client.readFrame());
            assertArrayEquals(new byte[] {0x43}, receiver.next().bytes());
        }
    }

    @Test
    void aThrowingReceiverKeepsItsConnection() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver() {
            private int calls;

            @Override
            public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                super.received(link, from, packet);
                if (++calls == 1) {
                    throw new IllegalStateException("engine bug");
                }
            }
        };
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, c -> receiver);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            client.writeFrame(new byte[] {1});
            client.writeFrame(new byte[] {2});
            assertArrayEquals(new byte[] {1}, receiver.next().bytes());
            assertArrayEquals(new byte[] {2}, receiver.next().bytes());
            assertEquals(0, receiver.closedCalls.get());
            assertEquals(1, transport.stats().receiverFailures());
        }
    }

    @Test
    void closingTheListenerFreesThePortAndKeepsAcceptedConnections() throws Exception {
        EchoServer echo = new EchoServer();
        TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, echo);
        InetSocketAddress address = listener.localAddress();
        try (FramedSocket client = new FramedSocket(address)) {
            echo.nextAccepted();
            listener.close();
            listener.close();

            assertThrows(ConnectException.class, () -> new Socket().connect(address, 5_000));
            client.writeFrame(new byte[] {5, 5});
            assertArrayEquals(new byte[] {5, 5}, client.readFrame());
        }
    }

    @Test
    void stoppingTheTransportClosesEveryConnectionAndTellsEachReceiverOnce() throws Exception {
        Recording acceptor = new Recording();
        TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor);
        RecordingReceiver clientReceiver = new RecordingReceiver();
        // The outgoing connection's peer is a plain server socket, so that no peer of this
        // transport can close first and turn "stopped" into "closed by peer".
        try (java.net.ServerSocket plainServer = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             FramedSocket raw = new FramedSocket(listener.localAddress())) {
            PacketLink client = transport.connect((InetSocketAddress) plainServer.getLocalSocketAddress(), null,
                    LinkOptions.DEFAULTS, clientReceiver)
                    .toCompletableFuture().get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Socket plainPeer = plainServer.accept();
            plainPeer.setSoTimeout((int) TimeUnit.SECONDS.toMillis(RecordingReceiver.TIMEOUT_SECONDS));
            RecordingReceiver accepted = acceptor.nextReceiver();

            transport.deactivate();

            assertTrue(raw.readsEndOfStream());
            assertEquals(-1, plainPeer.getInputStream().read());
            plainPeer.close();
            for (RecordingReceiver receiver : new RecordingReceiver[] {accepted, clientReceiver}) {
                receiver.awaitClosed();
                assertEquals(1, receiver.closedCalls.get());
                assertNull(receiver.closeCauses.get(0));
            }
            assertThrows(ClosedChannelException.class, () -> client.send(ByteBuffer.wrap(new byte[] {1}), null));
            assertThrows(ConnectException.class, () -> new Socket().connect(listener.localAddress(), 5_000));
            assertThrows(IOException.class, () -> transport.listen(LOOPBACK, LinkOptions.DEFAULTS, acceptor));
        }
    }
}
