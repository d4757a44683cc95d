package io.sluice.transport.udp;

import static io.sluice.api.transport.SocketAddresses.format;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.TransportProtocol;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound datagram socket and the I/O thread that reads it. See the package documentation
 * for the threading model.
 */
final class UdpLink implements PacketLink {

    /**
     * Large enough for any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6), so a
     * datagram is never truncated: the engine sees exactly what arrived.
     */
    static final int RECEIVE_BUFFER_SIZE = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(UdpLink.class);

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress localAddress;
    private final PacketReceiver receiver;
    private final Consumer<UdpLink> onStopped;
    private final Thread ioThread;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER_SIZE);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final LongAdder droppedSends = new LongAdder();
    private final LongAdder receiverFailures = new LongAdder();
    // The I/O thread only needs the wake-up, never the ready set; a select with an action
    // avoids the selected-key set and with it an allocation on every wake-up.
    private final Consumer<SelectionKey> ignoreReadyKey = key -> { };

    private UdpLink(DatagramChannel channel, Selector selector, PacketReceiver receiver,
                    Consumer<UdpLink> onStopped) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.receiver = receiver;
        this.onStopped = onStopped;
        this.ioThread = new Thread(this::run, "sluice-udp " + format(localAddress));
        ioThread.setDaemon(true);
    }

    /**
     * Binds a socket of the family of {@code local}'s address. The I/O thread is not running
     * yet: call {@link #start()}.
     *
     * @param onStopped told once when the I/O thread has finished, after the receiver's
     *                  {@code closed}
     */
    static UdpLink open(InetSocketAddress local, LinkOptions options, PacketReceiver receiver,
                        Consumer<UdpLink> onStopped) throws IOException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(receiver, "receiver");
        SocketOptions.refuseUnsupported(options);
        if (local.isUnresolved()) {
            throw new IOException("cannot bind to unresolved address " + local);
        }
        ProtocolFamily family = local.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        DatagramChannel channel = DatagramChannel.open(family);
        Selector selector = null;
        try {
            SocketOptions.applyBuffers(channel, options);
            channel.bind(local);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new UdpLink(channel, selector, receiver, onStopped);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (selector != null) {
                closeQuietly(selector);
            }
            throw e;
        }
    }

    void start() {
        ioThread.start();
    }

    @Override
    public TransportProtocol protocol() {
        return TransportProtocol.UDP;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.empty();
    }

    /**
     * Sends one datagram without blocking. When the socket's send buffer is full the datagram
     * is dropped and counted ({@link #droppedSends()}): UDP promises nothing more, and
     * blocking here would stall whichever engine thread sends.
     *
     * @throws IOException when the link is closed, the peer's family cannot be reached from
     *                     this socket (an IPv6 peer on an IPv4 socket) or the system refuses
     *                     the datagram (for example: network unreachable)
     */
    @Override
    public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
        Objects.requireNonNull(to, "to");
        boolean empty = !packet.hasRemaining();
        int sent;
        try {
            sent = channel.send(packet, to);
        } catch (UnsupportedAddressTypeException | UnresolvedAddressException e) {
            throw new IOException("cannot send to " + format(to) + " from " + format(localAddress), e);
        }
        if (sent == 0 && !empty) {
            droppedSends.increment();
            packet.position(packet.limit());
        }
    }

    /**
     * Closes the socket and wakes the I/O thread, which then calls the receiver's
     * {@code closed(link, null)}. Returns at once, also on the I/O thread itself; the port is
     * released when the I/O thread has finished.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            closeQuietly(channel);
            selector.wakeup();
        }
    }

    /** Datagrams dropped because the socket's send buffer was full. */
    long droppedSends() {
        return droppedSends.sum();
    }

    /** Datagrams whose delivery threw; the link went on with the next one. */
    long receiverFailures() {
        return receiverFailures.sum();
    }

    /** The socket's current value of {@code option}, as the system reports it. */
    <T> T socketOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    Thread ioThread() {
        return ioThread;
    }

    /** Waits until the I/O thread has finished; does not wait when called on it. */
    boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.currentThread() == ioThread) {
            return false;
        }
        ioThread.join(Math.max(1, unit.toMillis(timeout)));
        return !ioThread.isAlive();
    }

    private void run() {
        Throwable cause = null;
        try {
            while (!closing.get()) {
                selector.select(ignoreReadyKey);
                receiveAll();
            }
        } catch (ClosedChannelException e) {
            // close() from another thread while receiving: the normal way to stop.
        } catch (IOException | RuntimeException e) {
            if (!closing.get()) {
                cause = e;
                LOG.warn("UDP link {} failed: {}", format(localAddress), e.toString());
            }
        } catch (Error e) {
            // Still report the link as ended (below), then let the error kill the thread.
            cause = e;
            throw e;
        } finally {
            closing.set(true);
            closeQuietly(channel);
            // Closing the selector deregisters the channel, which releases the port.
            closeQuietly(selector);
            try {
                receiver.closed(this, cause);
            } catch (RuntimeException e) {
                LOG.warn("receiver failed on close of UDP link {}", format(localAddress), e);
            }
            onStopped.accept(this);
        }
    }

    /** Delivers every datagram waiting in the socket. */
    private void receiveAll() throws IOException {
        ByteBuffer buffer = receiveBuffer;
        while (!closing.get()) {
            buffer.clear();
            InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
            if (from == null) {
                return;
            }
            buffer.flip();
            try {
                receiver.received(this, from, buffer);
            } catch (RuntimeException e) {
                // The engine's bug must not stop every other session on this socket.
                receiverFailures.increment();
                LOG.warn("receiver failed on a datagram from {} on UDP link {}", from, format(localAddress), e);
            }
        }
    }

    @Override
    public String toString() {
        return "UDP link " + format(localAddress);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing to do about a failing close; the resource is gone either way.
        }
    }
}
