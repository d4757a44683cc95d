package io.sluice.transport.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpLinkLifecycleTest {

    private static final InetSocketAddress ANY_V4_LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private final UdpTransport transport = new UdpTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void closeWakesTheBlockedIoThreadAndReportsClosedOnceWithoutCause() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        UdpLink link = (UdpLink) transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, receiver);
        Thread io = link.ioThread();
        assertTrue(io.isAlive());

        link.close();
        link.close();
        receiver.awaitClosed();
        io.join(TimeUnit.SECONDS.toMillis(RecordingReceiver.TIMEOUT_SECONDS));

        assertFalse(io.isAlive(), "I/O thread finished");
        assertEquals(1, receiver.closedCalls.get());
        assertNull(receiver.closeCauses.get(0));
        assertEquals(0, transport.openLinks());
    }

    @Test
    void concurrentClosesReportClosedExactlyOnce() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        UdpLink link = (UdpLink) transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, receiver);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] closers = new Thread[8];
        for (int i = 0; i < closers.length; i++) {
            closers[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                link.close();
            });
            closers[i].start();
        }
        go.countDown();
        for (Thread closer : closers) {
            closer.join();
        }
        link.ioThread().join(TimeUnit.SECONDS.toMillis(RecordingReceiver.TIMEOUT_SECONDS));
        assertEquals(1, receiver.closedCalls.get());
    }

    @Test
    void closeFromInsideTheReceiverDeliversNothingMore() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver() {
            @Override
            public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                super.received(link, from, packet);
                link.close();
            }
        };
        PacketLink link = transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, receiver);
        try (DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            for (int i = 0; i < 5; i++) {
                peer.send(ByteBuffer.wrap(new byte[] {(byte) i}), link.localAddress());
            }
        }
        receiver.awaitClosed();
        assertEquals(1, receiver.packets.size());
        assertEquals(1, receiver.closedCalls.get());
    }

    @Test
    void aThrowingReceiverDoesNotStopTheLink() throws Exception {
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
        try (UdpLink link = (UdpLink) transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, receiver);
             DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            peer.send(ByteBuffer.wrap(new byte[] {1}), link.localAddress());
            receiver.next();
            peer.send(ByteBuffer.wrap(new byte[] {2}), link.localAddress());
            assertArrayEquals(new byte[] {2}, receiver.next().bytes());
            assertEquals(1, link.receiverFailures());
            assertEquals(0, receiver.closedCalls.get());
        }
    }

    @Test
    void sendAfterCloseThrows() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        PacketLink link = transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, receiver);
        link.close();
        assertThrows(IOException.class,
                () -> link.send(ByteBuffer.wrap(new byte[] {1}), new InetSocketAddress("127.0.0.1", 9)));
    }

    @Test
    void sendingToAnIpv6PeerFromAnIpv4SocketFailsWithAnIoException() throws Exception {
        try (PacketLink link = transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, new RecordingReceiver())) {
            IOException e = assertThrows(IOException.class,
                    () -> link.send(ByteBuffer.wrap(new byte[] {1}), new InetSocketAddress("::1", 9)));
            assertTrue(e.getMessage().contains("::1"), e.getMessage());
        }
    }

    @Test
    void bindingAnAddressInUseFailsAndLeavesNoLinkBehind() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open(StandardProtocolFamily.INET)) {
            taken.bind(ANY_V4_LOOPBACK);
            RecordingReceiver receiver = new RecordingReceiver();
            assertThrows(BindException.class,
                    () -> transport.bind((InetSocketAddress) taken.getLocalAddress(), LinkOptions.DEFAULTS, receiver));
            assertEquals(0, transport.openLinks());
            assertEquals(0, receiver.closedCalls.get());
        }
    }

    @Test
    void ioThreadIsNamedForTheTransportAndLocalAddress() throws Exception {
        try (UdpLink v4 = (UdpLink) transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, new RecordingReceiver());
             UdpLink v6 = (UdpLink) transport.bind(new InetSocketAddress("::1", 0), LinkOptions.DEFAULTS,
                     new RecordingReceiver())) {
            assertEquals("sluice-udp 127.0.0.1:" + v4.localAddress().getPort(), v4.ioThread().getName());
            assertEquals("sluice-udp [::1]:" + v6.localAddress().getPort(), v6.ioThread().getName());
        }
    }

    @Test
    void deactivatingTheTransportClosesEveryLinkAndStopsItsThread() throws Exception {
        RecordingReceiver first = new RecordingReceiver();
        RecordingReceiver second = new RecordingReceiver();
        UdpLink a = (UdpLink) transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, first);
        UdpLink b = (UdpLink) transport.bind(new InetSocketAddress("::1", 0), LinkOptions.DEFAULTS, second);

        transport.deactivate();

        assertFalse(a.ioThread().isAlive());
        assertFalse(b.ioThread().isAlive());
        assertEquals(1, first.closedCalls.get());
        assertEquals(1, second.closedCalls.get());
        assertThrows(IOException.class,
                () -> transport.bind(ANY_V4_LOOPBACK, LinkOptions.DEFAULTS, new RecordingReceiver()));
    }
}
