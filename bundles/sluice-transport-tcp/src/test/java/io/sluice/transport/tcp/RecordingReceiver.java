package io.sluice.transport.tcp;

import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A receiver that keeps copies of what it was given, for tests to wait on. */
class RecordingReceiver implements PacketReceiver {

    /** Long enough never to fail a healthy test on a slow machine; only there so a broken one ends. */
    static final long TIMEOUT_SECONDS = 20;

    record Received(PacketLink link, InetSocketAddress from, byte[] bytes, String thread) {
    }

    final BlockingQueue<Received> packets = new LinkedBlockingQueue<>();
    final AtomicInteger closedCalls = new AtomicInteger();
    final CountDownLatch closed = new CountDownLatch(1);
    final List<Throwable> closeCauses = new ArrayList<>();

    @Override
    public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.get(copy);
        packets.add(new Received(link, from, copy, Thread.currentThread().getName()));
    }

    @Override
    public synchronized void closed(PacketLink link, Throwable cause) {
        closeCauses.add(cause);
        closedCalls.incrementAndGet();
        closed.countDown();
    }

    Received next() throws InterruptedException {
        Received r = packets.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no packet within " + TIMEOUT_SECONDS + " s");
        }
        return r;
    }

    void awaitClosed() throws InterruptedException {
        if (!closed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("link not reported closed within " + TIMEOUT_SECONDS + " s");
        }
    }
}
