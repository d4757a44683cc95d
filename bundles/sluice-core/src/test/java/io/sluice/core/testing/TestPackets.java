package io.sluice.core.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Tunnel packets to send through an engine, and waiting for what it does with them. */
public final class TestPackets {

    private TestPackets() {
    }

    /** A minimal IPv4/UDP-numbered packet from {@code src} to {@code dst} carrying {@code text}. */
    public static byte[] ipv4(String src, String dst, String text) throws UnknownHostException {
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putInt(0)
                .put((byte) 64).put((byte) 17).putShort((short) 0)
                .put(InetAddress.getByName(src).getAddress()).put(InetAddress.getByName(dst).getAddress()).put(payload);
        return b.array();
    }

    /** Waits up to 15 s for {@code condition}, failing with {@code what}. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
