package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TcpSendTest {

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

    /** A packet that says who sent it and which it was, and whose every byte can be checked. */
    static byte[] numbered(int sender, int sequence, int size) {
        byte[] packet = new byte[size];
        packet[0] = (byte) sender;
        packet[1] = (byte) (sequence >>> 16);
        packet[2] = (byte) (sequence >>> 8);
        packet[3] = (byte) sequence;
        for (int i = 4; i < size; i++) {
            packet[i] = (byte) (sender * 31 + sequence + i);
        }
        return packet;
    }

    static int sender(byte[] packet) {
        return packet[0];
    }

    static int sequence(byte[] packet) {
        return ((packet[1] & 0xff) << 16) | ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
    }

    static void assertIntact(byte[] packet) {
        assertTrue(packet.length >= 4, "packet of " + packet.length + " bytes");
        int sender = sender(packet);
        int sequence = sequence(packet);
        for (int i = 4; i < packet.length; i++) {
            if (packet[i] != (byte) (sender * 31 + sequence + i)) {
                throw new AssertionError("packet " + sender + "/" + sequence + " corrupt at byte " + i);
            }
        }
    }

    @Test
    void sendsFromSeveralThreadsAtOnceKeepEveryFrameWholeAndEachThreadsOrder() throws Exception {
        int threads = 8;
        int perThread = 2000;
        RecordingReceiver server = new RecordingReceiver();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, c -> server)) {
            PacketLink client = transport.connect(listener.localAddress(), null, LinkOptions.DEFAULTS,
                    new RecordingReceiver()).toCompletableFuture().get(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        for (int s = 0; s < perThread; s++) {
                            ByteBuffer packet = ByteBuffer.wrap(numbered(sender, s, 4 + (s * 7 + sender) % 1400));
                            client.send(packet, null);
                            assertFalse(packet.hasRemaining(), "send consumes the packet, sent or dropped");
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "sender-" + t);
                senders.add(thread);
                thread.start();
            }
            go.countDown();
            for (Thread thread : senders) {
                thread.join();
            }
            assertEquals(List.of(), failures);

            // A full write queue may have dropped some (OpenVPN's policy); none may be torn.
            long expected = (long) threads * perThread - transport.stats().droppedPackets();
            int[] lastSequence = new int[threads];
            java.util.Arrays.fill(lastSequence, -1);
            for (long i = 0; i < expected; i++) {
                byte[] packet = server.next().bytes();
                assertIntact(packet);
                int sender = sender(packet);
                assertTrue(sequence(packet) > lastSequence[sender], "thread " + sender + " in order");
                lastSequence[sender] = sequence(packet);
            }
            client.close();
            assertTrue(expected > 0);
        }
    }

    @Test
    void aPeerThatStopsReadingLosesNewPacketsBeyondTheQueueLimitButNeverATornFrame() throws Exception {
        int sent = 5000;
        EchoServer acceptor = new EchoServer();
        // A small receive buffer on the peer and a small send buffer here: the socket is full fast.
        LinkOptions small = new LinkOptions(8192, 0, 0, Optional.empty());
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, small, acceptor);
             FramedSocket peer = new FramedSocket(listener.localAddress())) {
            TcpConnection link = (TcpConnection) acceptor.nextAccepted();
            for (int s = 0; s < sent; s++) {
                link.send(ByteBuffer.wrap(numbered(1, s, 1000)), null);
                assertTrue(link.queuedPackets() <= 64, "at most --tcp-queue-limit packets wait");
            }
            long dropped = transport.stats().droppedPackets();
            assertTrue(dropped > 0, "a peer that does not read makes the queue overflow");
            assertFalse(link.isClosed(), "OpenVPN keeps a slow peer's connection, dropping packets instead");

            int previous = -1;
            for (long i = 0; i < sent - dropped; i++) {
                byte[] packet = peer.readFrame();
                assertEquals(1000, packet.length);
                assertIntact(packet);
                if (previous < 0) {
                    // Tail drop, as OpenVPN: the packets already waiting are kept, new ones go.
                    assertEquals(0, sequence(packet), "the oldest packet was kept");
                }
                assertTrue(sequence(packet) > previous, "in order");
                previous = sequence(packet);
            }
        }
    }

    @Test
    void refusesPacketsTheTwoBytePrefixCannotFrame() throws Exception {
        EchoServer echo = new EchoServer();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, echo);
             FramedSocket peer = new FramedSocket(listener.localAddress())) {
            PacketLink link = echo.nextAccepted();
            assertThrows(IOException.class, () -> link.send(ByteBuffer.allocate(0), null));
            assertThrows(IOException.class, () -> link.send(ByteBuffer.allocate(65_536), null));
            link.send(ByteBuffer.wrap(new byte[] {1}), null);
            assertEquals(1, peer.readFrame().length, "the connection is still fine");
        }
    }

    @Test
    void sendConsumesThePacketWhenTheSocketTakesItAtOnce() throws Exception {
        EchoServer echo = new EchoServer();
        try (TcpListener listener = (TcpListener) transport.listen(LOOPBACK, LinkOptions.DEFAULTS, echo);
             FramedSocket peer = new FramedSocket(listener.localAddress())) {
            PacketLink link = echo.nextAccepted();
            ByteBuffer packet = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
            link.send(packet, null);
            assertFalse(packet.hasRemaining());
            assertEquals(3, peer.readFrame().length);
        }
    }
}
