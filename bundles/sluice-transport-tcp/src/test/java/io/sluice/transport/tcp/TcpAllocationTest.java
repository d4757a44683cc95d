package io.sluice.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data path allocates nothing per packet: measured on the I/O thread with the JVM's
 * per-thread allocation counter, which counts bytes, not time.
 */
@Timeout(120)
class TcpAllocationTest {

    private final TcpTransport transport = newTransport();

    private static TcpTransport newTransport() {
        try {
            return new TcpTransport(TcpSettings.defaults(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void receivingWholeAndSplitFramesAndEchoingThemAllocatesNothingPerPacketOnTheIoThread() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warmup = 10_000;
        int measured = 10_000;
        long[] allocated = new long[2];
        int[] count = {0};
        PacketReceiver echo = new PacketReceiver() {
            @Override
            public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                int n = ++count[0];
                if (n == warmup) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (n == warmup + measured) {
                    allocated[1] = threads.getCurrentThreadAllocatedBytes();
                }
                try {
                    link.send(packet, from);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try (TcpListener listener = (TcpListener) transport.listen(new InetSocketAddress("127.0.0.1", 0),
                LinkOptions.DEFAULTS, c -> echo);
             FramedSocket client = new FramedSocket(listener.localAddress())) {
            byte[] packet = new byte[1200];
            byte[] frame = FramedSocket.frame(packet);
            for (int i = 0; i < warmup + measured; i++) {
                packet[0] = (byte) i;
                frame[2] = (byte) i;
                if (i % 2 == 0) {
                    client.writeRaw(frame);
                } else {
                    // In two writes, so that the server often reads the frame in two parts.
                    client.writeRaw(java.util.Arrays.copyOfRange(frame, 0, 1 + i % 600));
                    client.writeRaw(java.util.Arrays.copyOfRange(frame, 1 + i % 600, frame.length));
                }
                assertArrayEquals(packet, client.readFrame());
            }
        }
        double perPacket = (double) (allocated[1] - allocated[0]) / measured;
        assertTrue(perPacket < 16, perPacket + " bytes allocated per packet");
    }
}
