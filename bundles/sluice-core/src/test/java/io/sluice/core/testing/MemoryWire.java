package io.sluice.core.testing;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.TransportProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A UDP network in memory that engines on both ends bind to: a datagram sent to an address
 * reaches the link bound there, on that link's own delivery thread (its "I/O thread"). A
 * wildcard bind gets {@code host}'s address and, for port 0, a fresh port. A test may make the
 * wire lose datagrams ({@link #dropWhen}).
 */
public final class MemoryWire implements DatagramTransport {

    private final InetAddress host;
    private final Map<InetSocketAddress, Link> bound = new ConcurrentHashMap<>();
    private final AtomicInteger nextPort = new AtomicInteger(40000);
    private final AtomicLong dropped = new AtomicLong();
    private volatile Predicate<byte[]> drop = d -> false;

    /** @param host the address wildcard binds get (the "machine" the engines share) */
    public MemoryWire(InetAddress host) {
        this.host = host;
    }

    /** From now on, datagrams the predicate picks are lost. */
    public void dropWhen(Predicate<byte[]> drop) {
        this.drop = drop;
    }

    /** Datagrams lost so far (by {@link #dropWhen}, or sent to an address nobody has bound). */
    public long dropped() {
        return dropped.get();
    }

    /** The addresses bound now. */
    public java.util.Set<InetSocketAddress> boundAddresses() {
        return java.util.Set.copyOf(bound.keySet());
    }

    /**
     * Delivers a datagram that claims to come from {@code from} (which nobody need have bound:
     * a forged packet) to whatever is bound at {@code to}.
     */
    public void inject(InetSocketAddress from, InetSocketAddress to, byte[] datagram) {
        Link target = bound.get(to);
        if (target != null) {
            target.io.execute(() -> target.receiver.received(target, from, ByteBuffer.wrap(datagram.clone())));
        }
    }

    /** Whether something is bound to {@code address} now. */
    public boolean isBound(InetSocketAddress address) {
        return bound.containsKey(address);
    }

    @Override
    public PacketLink bind(InetSocketAddress local, LinkOptions options, PacketReceiver receiver) throws IOException {
        InetAddress ip = local.getAddress() == null || local.getAddress().isAnyLocalAddress() ? host : local.getAddress();
        int port = local.getPort() == 0 ? nextPort.incrementAndGet() : local.getPort();
        Link link = new Link(new InetSocketAddress(ip, port), receiver);
        if (bound.putIfAbsent(link.local, link) != null) {
            throw new SocketException("Address already in use: " + link.local);
        }
        return link;
    }

    private final class Link implements PacketLink {
        final InetSocketAddress local;
        final PacketReceiver receiver;
        final ExecutorService io;

        Link(InetSocketAddress local, PacketReceiver receiver) {
            this.local = local;
            this.receiver = receiver;
            this.io = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "memory-wire-" + local.getPort());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public TransportProtocol protocol() {
            return TransportProtocol.UDP;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public Optional<InetSocketAddress> remoteAddress() {
            return Optional.empty();
        }

        @Override
        public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
            if (io.isShutdown()) {
                throw new SocketException("Socket closed");
            }
            byte[] copy = new byte[packet.remaining()];
            packet.get(copy);
            Link target = bound.get(to);
            if (target == null || drop.test(copy)) {
                dropped.incrementAndGet();
                return;
            }
            try {
                target.io.execute(() -> target.receiver.received(target, local, ByteBuffer.wrap(copy)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                dropped.incrementAndGet(); // closed meanwhile
            }
        }

        @Override
        public void close() {
            bound.remove(local, this);
            io.shutdown();
        }
    }
}
