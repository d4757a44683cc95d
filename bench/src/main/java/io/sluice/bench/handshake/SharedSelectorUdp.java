package io.sluice.bench.handshake;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.TransportProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * UDP for the load generator: every session still has a socket of its own (the server tells
 * clients apart by address and port), but one thread waits on all of them with one selector.
 * Sluice's own UDP transport gives each socket a thread, which is right for a client or server
 * with a few sockets and would put 10,000 sessions' worth of threads on the generator, making it
 * the thing measured. Sends go straight out on the caller's thread.
 */
final class SharedSelectorUdp implements DatagramTransport, AutoCloseable {

    private final Selector selector;
    private final Queue<Link> toRegister = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private volatile boolean closed;

    SharedSelectorUdp() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "generator-udp");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public PacketLink bind(InetSocketAddress local, LinkOptions options, PacketReceiver receiver) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(local);
        channel.configureBlocking(false);
        Link link = new Link(channel, receiver);
        toRegister.add(link);
        selector.wakeup();
        return link;
    }

    private void run() {
        while (!closed) {
            try {
                selector.select(1000);
                Link pending;
                while ((pending = toRegister.poll()) != null) {
                    if (pending.channel.isOpen()) {
                        pending.channel.register(selector, SelectionKey.OP_READ, pending);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Link link = (Link) key.attachment();
                    receiveAll(link);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    System.err.println("generator UDP: " + e);
                }
            }
        }
    }

    private void receiveAll(Link link) {
        while (link.channel.isOpen()) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) link.channel.receive(buffer);
            } catch (IOException e) {
                return; // closed under us, or an ICMP error reported on the socket
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            try {
                link.receiver.received(link, from, buffer);
            } catch (RuntimeException e) {
                System.err.println("generator session failed on a packet: " + e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
    }

    private static final class Link implements PacketLink {
        final DatagramChannel channel;
        final PacketReceiver receiver;
        private final InetSocketAddress local;

        Link(DatagramChannel channel, PacketReceiver receiver) throws IOException {
            this.channel = channel;
            this.receiver = receiver;
            this.local = (InetSocketAddress) channel.getLocalAddress();
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
            if (channel.send(packet, to) == 0) {
                packet.position(packet.limit()); // a full send buffer drops the datagram, as UDP may
            }
        }

        @Override
        public void close() {
            if (channel.isOpen()) {
                try {
                    channel.close(); // deregisters the key at the next select
                } catch (IOException e) {
                    // nothing left to do
                }
                receiver.closed(this, null);
            }
        }
    }
}
