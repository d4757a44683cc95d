package io.sluice.transport.udp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class UdpAllocationTest {

    private final UdpTransport transport = new UdpTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void receivingAllocatesNothingPerPacketOnTheIoThread() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Semaphore arrived = new Semaphore(0);
        long[] allocated = new long[2];
        int[] count = {0};
        int warmup = 20_000;
        int measured = 20_000;
        PacketReceiver receiver = (link, from, packet) -> {
            int n = ++count[0];
            if (n == warmup) {
                allocated[0] = threads.getCurrentThreadAllocatedBytes();
            } else if (n == warmup + measured) {
                allocated[1] = threads.getCurrentThreadAllocatedBytes();
            }
            arrived.release();
        };
        try (PacketLink link = transport.bind(new InetSocketAddress("127.0.0.1", 0), LinkOptions.DEFAULTS, receiver);
             DatagramChannel peer = DatagramChannel.open(StandardProtocolFamily.INET)) {
            peer.connect(link.localAddress());
            ByteBuffer packet = ByteBuffer.allocateDirect(100);
            for (int i = 0; i < warmup + measured; i++) {
                packet.clear();
                peer.write(packet);
                // One in flight at a time: loopback must not drop any for the count to be reached.
                if (!arrived.tryAcquire(RecordingReceiver.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("packet " + i + " not delivered");
                }
            }
            double perPacket = (double) (allocated[1] - allocated[0]) / measured;
            assertTrue(perPacket < 16, perPacket + " bytes allocated per packet");
        }
    }
}
