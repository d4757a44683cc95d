package io.sluice.core.tunnel;

import io.sluice.api.tun.TunDevice;
import io.sluice.core.log.TunnelLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * The thread that reads a TUN device for an instance (server, client or static-key peer) and
 * hands each packet on to be sealed, until the device is closed. Its two buffers are allocated
 * once, so reading costs nothing per packet.
 */
public final class TunReader {

    /** Room for the largest packet a device gives, and what sealing adds to it. */
    public static final int BUFFER_SIZE = 65536 + 512;

    /** Where the packets go. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One packet read from the device.
         *
         * @param packet the packet from position to limit, valid during the call
         * @param out    a scratch buffer of {@link #BUFFER_SIZE} for the sealed packet
         */
        void packet(ByteBuffer packet, ByteBuffer out);
    }

    private TunReader() {
    }

    /**
     * Starts a daemon thread reading {@code device}; it ends when the device is closed or a read
     * fails (logged unless {@code stopping} says the instance is going away anyway).
     */
    public static Thread start(TunDevice device, String threadName, Sink sink, BooleanSupplier stopping,
                               TunnelLog log) {
        Thread t = new Thread(() -> run(device, sink, stopping, log), threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void run(TunDevice device, Sink sink, BooleanSupplier stopping, TunnelLog log) {
        ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
        ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);
        while (true) {
            in.clear();
            int n;
            try {
                n = device.read(in);
            } catch (IOException e) {
                if (!stopping.getAsBoolean()) {
                    log.warn("read from " + device.name() + " failed: " + e.getMessage());
                }
                return;
            }
            if (n < 0) {
                return;
            }
            in.flip();
            sink.packet(in, out);
        }
    }
}
