package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The device's read/write/close logic, without root: two devices built on the ends of an
 * {@code AF_UNIX SOCK_SEQPACKET} socket pair, which like a TUN fd carries one packet per read and
 * write. What a real TUN fd does is covered by the integration tests (TunDriverIT).
 */
@Timeout(30)
class LinuxTunDeviceDataPathTest {

    /** Only for making the socket pair; the device itself uses {@link LibC} and {@link PacketSyscalls}. */
    interface SocketPairs extends Library {
        int socketpair(int domain, int type, int protocol, int[] fds);
    }

    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;

    private final LibC libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    private final AtomicInteger closedCallbacks = new AtomicInteger();
    private LinuxTunDevice a;
    private LinuxTunDevice b;

    @BeforeEach
    void pair() {
        SocketPairs sp = Native.load(Platform.C_LIBRARY_NAME, SocketPairs.class);
        int[] fds = new int[2];
        int r = sp.socketpair(AF_UNIX, SOCK_SEQPACKET | LinuxConstants.O_NONBLOCK | LinuxConstants.SOCK_CLOEXEC, 0, fds);
        assertEquals(0, r, "socketpair errno " + Native.getLastError());
        a = device("pa0", fds[0]);
        b = device("pb0", fds[1]);
    }

    private LinuxTunDevice device(String name, int fd) {
        int wake = libc.eventfd(0, LinuxConstants.EFD_CLOEXEC | LinuxConstants.EFD_NONBLOCK);
        assertTrue(wake >= 0);
        return new LinuxTunDevice(libc, name, DeviceType.TUN, 0, fd, wake, 1500, d -> closedCallbacks.incrementAndGet());
    }

    @AfterEach
    void closeBoth() {
        a.close();
        b.close();
    }

    private static ByteBuffer packet(int length, int seed) {
        ByteBuffer p = ByteBuffer.allocateDirect(length);
        for (int i = 0; i < length; i++) {
            p.put(i, (byte) (seed + i));
        }
        return p;
    }

    @Test
    void eachWriteArrivesAsOneReadWithPositionsAdvanced() throws IOException {
        ByteBuffer dst = ByteBuffer.allocateDirect(2000);
        for (int len : new int[] {20, 1500, 60, 1}) {
            ByteBuffer p = packet(len, len);
            a.write(p);
            assertEquals(p.limit(), p.position(), "write consumes position..limit");
            dst.clear();
            assertEquals(len, b.read(dst));
            assertEquals(len, dst.position(), "read advances the position");
            dst.flip();
            assertEquals(packet(len, len), dst);
        }
    }

    @Test
    void readsAtThePositionAndWritesFromThePosition() throws IOException {
        ByteBuffer src = packet(100, 1);
        src.position(10).limit(50);
        a.write(src);
        ByteBuffer dst = ByteBuffer.allocateDirect(200);
        dst.position(30);
        assertEquals(40, b.read(dst));
        assertEquals(70, dst.position());
        for (int i = 0; i < 40; i++) {
            assertEquals((byte) (1 + 10 + i), dst.get(30 + i));
        }
        assertEquals(0, dst.get(29), "nothing written before the position");
    }

    @Test
    void heapAndReadOnlyBuffersWorkThroughACopy() throws IOException {
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 8, 7, 6, 5});
        a.write(heap.asReadOnlyBuffer());
        a.write(heap);
        ByteBuffer dst = ByteBuffer.allocate(64);
        dst.position(3);
        assertEquals(5, b.read(dst));
        assertEquals(8, dst.position());
        assertEquals(7, dst.get(5));
        ByteBuffer dst2 = ByteBuffer.allocateDirect(64);
        assertEquals(5, b.read(dst2));
    }

    @Test
    void directBuffersAllocateNothingPerPacket() throws IOException {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ByteBuffer out = packet(1400, 3);
        ByteBuffer in = ByteBuffer.allocateDirect(1500);
        Runnable roundTrips = () -> {
            for (int i = 0; i < 20_000; i++) {
                try {
                    out.clear();
                    a.write(out);
                    in.clear();
                    b.read(in);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
        roundTrips.run(); // warm up: class loading, JIT
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        roundTrips.run();
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 20_000, "expected no allocation per packet, got " + allocated + " bytes for 20000 round trips");
    }

    @Test
    void closeWakesABlockedReaderWhichThenReturnsMinusOne() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                return b.read(ByteBuffer.allocateDirect(1500));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        started.await();
        Thread.sleep(200); // let it block in poll()
        assertFalse(reader.isDone(), "nothing was written, so the reader must be waiting");
        b.close();
        assertEquals(-1, reader.get(5, TimeUnit.SECONDS));
        assertEquals(-1, b.read(ByteBuffer.allocateDirect(10)), "and every later read too");
        assertEquals(1, closedCallbacks.get(), "the driver hears about the close once");
        b.close();
        assertEquals(1, closedCallbacks.get(), "close is idempotent");
    }

    @Test
    void closingUnderTrafficEndsTheReaderPromptly() throws Exception {
        AtomicInteger received = new AtomicInteger();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            ByteBuffer in = ByteBuffer.allocateDirect(1500);
            try {
                while (true) {
                    in.clear();
                    int n = b.read(in);
                    if (n < 0) {
                        return n;
                    }
                    received.incrementAndGet();
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            ByteBuffer out = packet(200, 1);
            try {
                while (true) {
                    out.clear();
                    a.write(out);
                }
            } catch (IOException expected) {
                // EAGAIN never escapes; the peer closing shows up as EPIPE, our own close as ClosedChannelException.
            }
        });
        while (received.get() < 1000) {
            Thread.sleep(1);
        }
        b.close();
        assertEquals(-1, reader.get(5, TimeUnit.SECONDS));
        writer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void closeWakesAWriterWaitingForRoom() throws Exception {
        CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> {
            ByteBuffer out = packet(1000, 2);
            try {
                while (true) { // nobody reads b: the socket buffer fills and write waits in poll()
                    out.clear();
                    a.write(out);
                }
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(300);
        assertFalse(writer.isDone(), "the writer should be waiting for room");
        a.close();
        assertEquals(java.nio.channels.AsynchronousCloseException.class, writer.get(5, TimeUnit.SECONDS).getClass());
    }

    @Test
    void writesAndConfigurationAfterCloseFail() throws Exception {
        a.close();
        assertThrows(ClosedChannelException.class, () -> a.write(packet(10, 0)));
        assertThrows(ClosedChannelException.class, () -> a.setMtu(1400));
        assertThrows(ClosedChannelException.class, () -> a.setUp(true));
        assertThrows(ClosedChannelException.class,
                () -> a.addAddress(new IfAddress(InetAddress.getByName("10.9.0.1"), 24, Optional.empty())));
    }

    @Test
    void systemCallErrorsBecomeIoExceptionsNamingDeviceAndErrno() {
        b.close(); // a's peer is gone: writing gets EPIPE
        IOException e = assertThrows(IOException.class, () -> a.write(packet(10, 0)));
        assertTrue(e.getMessage().startsWith("write 10 bytes to pa0: "), e.getMessage());
        assertTrue(e.getMessage().contains("(errno 32)"), e.getMessage());
    }

    @Test
    void aTunPacketCutByASmallBufferIsReportedNotPassedOn() throws IOException {
        ByteBuffer ip = ByteBuffer.allocateDirect(100);
        ip.put(0, (byte) 0x45).putShort(2, (short) 100); // IPv4, total length 100
        a.write(ip);
        IOException e = assertThrows(IOException.class, () -> b.read(ByteBuffer.allocateDirect(30)));
        assertEquals("read from pb0: a packet of 100 bytes did not fit in 30 bytes of buffer and was lost", e.getMessage());
        ByteBuffer exact = ByteBuffer.allocateDirect(20);
        exact.put(0, (byte) 0x45).putShort(2, (short) 20);
        a.write(exact);
        assertEquals(20, b.read(ByteBuffer.allocateDirect(20)), "a packet that fills the buffer exactly is fine");
    }

    @Test
    void aBufferWithoutRoomIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> a.read(ByteBuffer.allocateDirect(0)));
    }
}
