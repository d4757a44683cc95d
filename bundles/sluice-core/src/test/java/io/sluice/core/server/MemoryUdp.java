package io.sluice.core.server;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A UDP transport in memory: the server's socket, and datagrams addressed to clients
 * collected per client address. Datagrams to the server are delivered on one "I/O thread",
 * as a real UDP link delivers them.
 */
final class MemoryUdp implements DatagramTransport {

    final Map<InetSocketAddress, LinkedBlockingQueue<byte[]>> toClients = new ConcurrentHashMap<>();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "memory-udp-io"));
    private volatile Link link;

    @Override
    public PacketLink bind(InetSocketAddress local, LinkOptions options, PacketReceiver receiver) {
        link = new Link(local, receiver);
        return link;
    }

    /** A client's datagram reaches the server. */
    void fromClient(InetSocketAddress client, byte[] datagram) {
        io.execute(() -> link.receiver.received(link, client, ByteBuffer.wrap(datagram)));
    }

    LinkedBlockingQueue<byte[]> queueFor(InetSocketAddress client) {
        return toClients.computeIfAbsent(client, c -> new LinkedBlockingQueue<>());
    }

    void shutdown() {
        io.shutdownNow();
    }

    private final class Link implements PacketLink {
        final InetSocketAddress local;
        final PacketReceiver receiver;

        Link(InetSocketAddress local, PacketReceiver receiver) {
            this.local = local;
            this.receiver = receiver;
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
        public void send(ByteBuffer packet, InetSocketAddress to) {
            byte[] copy = new byte[packet.remaining()];
            packet.get(copy);
            queueFor(to).add(copy);
        }

        @Override
        public void close() {
        }
    }
}
