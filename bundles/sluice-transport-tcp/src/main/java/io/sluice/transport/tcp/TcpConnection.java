package io.sluice.transport.tcp;

import static io.sluice.api.transport.SocketAddresses.format;

import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.StreamTransport;
import io.sluice.api.transport.TransportProtocol;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection carrying OpenVPN packets with their 2-byte length prefix.
 *
 * <p>Threads: everything but {@link #send} and {@link #close} runs on the connection's
 * {@link IoLoop}, including every call of its receiver. {@code send} may come from any thread:
 * when nothing is queued it writes the frame to the socket directly (one non-blocking
 * gathering write, no hand-over, no wake-up); what the socket does not take goes into the
 * connection's {@link WriteQueue}, which the loop drains when the socket is writable again.
 * One lock per connection orders senders against each other and against the loop's
 * draining, so frames never interleave; nothing is shared with other connections.
 */
final class TcpConnection implements PacketLink, IoHandler {

    /** Reads per wake-up before the loop turns to its other connections, so none starves. */
    private static final int MAX_READS_PER_WAKEUP = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    private final SocketChannel channel;
    private final IoLoop loop;
    private final TcpStats stats;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remote;
    private final Optional<InetSocketAddress> remoteAddress;
    private final FrameDecoder decoder;
    private final FrameDecoder.Sink deliver = this::deliver;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Guards the fields below it: the queue, the socket's writes and the key's interest set. */
    private final Object writeLock = new Object();
    private final WriteQueue queue;
    private final ByteBuffer prefix = ByteBuffer.allocateDirect(FrameDecoder.PREFIX_LENGTH);
    private final ByteBuffer[] frame = new ByteBuffer[2];
    private SelectionKey key;
    private boolean reading;

    /** Set and read on the loop's thread only. */
    private PacketReceiver receiver;

    TcpConnection(SocketChannel channel, IoLoop loop, TcpSettings settings, TcpStats stats) throws IOException {
        this.channel = channel;
        this.loop = loop;
        this.stats = stats;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.remoteAddress = Optional.of(remote);
        this.decoder = new FrameDecoder(settings.maxPacketLength());
        this.queue = new WriteQueue(settings.queuePackets(), settings.queueBytes());
        this.frame[0] = prefix;
    }

    @Override
    public TransportProtocol protocol() {
        return TransportProtocol.TCP;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return remoteAddress;
    }

    /**
     * Sends one packet, framed. Never blocks: when the socket and then the write queue are
     * full the packet is dropped and counted, as OpenVPN does past {@code --tcp-queue-limit};
     * the connection stays open.
     *
     * @param to ignored: a connection has one peer
     * @throws IOException when the connection is closed, the packet is empty or longer than
     *                     the 2-byte prefix can say (65,535), or the write fails (the
     *                     connection is then closed and its receiver told)
     */
    @Override
    public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
        int length = packet.remaining();
        if (length == 0 || length > FrameDecoder.MAX_WIRE_LENGTH) {
            // An empty packet would make the peer drop the connection (OpenVPN refuses length 0).
            throw new IOException("cannot frame a packet of " + length + " bytes (1 to "
                    + FrameDecoder.MAX_WIRE_LENGTH + ")");
        }
        synchronized (writeLock) {
            if (closed.get()) {
                throw new ClosedChannelException();
            }
            if (!queue.isEmpty()) {
                // Earlier frames are still waiting; this one must go after them.
                if (!queue.offer(packet)) {
                    packet.position(packet.limit());
                    stats.droppedPacket();
                }
                return;
            }
            prefix.clear();
            prefix.put(0, (byte) (length >>> 8)).put(1, (byte) length);
            frame[1] = packet;
            try {
                channel.write(frame);
            } catch (IOException e) {
                if (closeWith(CloseReason.IO_ERROR, e)) {
                    throw e;
                }
                throw new ClosedChannelException();
            } finally {
                frame[1] = null;
            }
            if (prefix.hasRemaining() || packet.hasRemaining()) {
                queue.addRest(prefix, packet);
                updateInterest();
            }
        }
    }

    @Override
    public void close() {
        closeWith(CloseReason.LOCAL, null);
    }

    /**
     * Registers with the loop and asks the acceptor for a receiver. On the loop's thread.
     * Reading starts only once there is a receiver, so the acceptor may send (a greeting)
     * but never misses a packet.
     */
    void accept(StreamTransport.Acceptor acceptor) {
        if (loop.terminated()) {
            closeWith(CloseReason.TRANSPORT_STOPPED, null);
            return;
        }
        try {
            synchronized (writeLock) {
                key = channel.register(loop.selector(), 0, this);
                updateInterest();
            }
        } catch (IOException e) {
            closeWith(CloseReason.IO_ERROR, e);
            return;
        }
        PacketReceiver accepted;
        try {
            accepted = acceptor.accepted(this);
        } catch (RuntimeException e) {
            LOG.warn("acceptor failed for TCP connection from {}; closing it", format(remote), e);
            closeWith(CloseReason.ACCEPTOR_FAILED, e);
            return;
        }
        if (accepted == null) {
            closeWith(CloseReason.REFUSED, null);
            return;
        }
        receiver = accepted;
        startReading();
    }

    /**
     * Takes over the key of a completed outgoing connect (registering anew when the connect
     * completed at once and has none). On the loop's thread; reading starts with
     * {@link #startReading()}.
     */
    void adopt(SelectionKey connectKey, PacketReceiver packetReceiver) throws IOException {
        receiver = packetReceiver;
        synchronized (writeLock) {
            if (connectKey == null) {
                key = channel.register(loop.selector(), 0, this);
            } else {
                key = connectKey;
                key.attach(this);
            }
            updateInterest();
        }
    }

    void startReading() {
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            reading = true;
            updateInterest();
        }
    }

    /** Closes without telling the receiver: for a connect whose caller no longer waits for it. */
    void abandon() {
        receiver = null;
        closeWith(CloseReason.LOCAL, null);
    }

    @Override
    public void ready(SelectionKey readyKey) {
        int ops = readyKey.readyOps();
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ops & SelectionKey.OP_READ) != 0 && !closed.get()) {
            read();
        }
    }

    @Override
    public void loopStopped() {
        closeWith(CloseReason.TRANSPORT_STOPPED, null);
    }

    /** The socket's current value of {@code option}, as the system reports it. */
    <T> T socketOption(SocketOption<T> option) throws IOException {
        return channel.getOption(option);
    }

    /** Whether the connection has ended (for tests). */
    boolean isClosed() {
        return closed.get();
    }

    /** Packets waiting in the write queue (for tests). */
    int queuedPackets() {
        synchronized (writeLock) {
            return queue.packets();
        }
    }

    private void read() {
        ByteBuffer buffer = loop.readBuffer();
        for (int i = 0; i < MAX_READS_PER_WAKEUP; i++) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                closeWith(CloseReason.IO_ERROR, e);
                return;
            }
            if (n < 0) {
                closeWith(CloseReason.PEER_CLOSED, new EOFException(decoder.midPacket()
                        ? "connection closed by peer in the middle of a packet"
                        : "connection closed by peer"));
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            FrameDecoder.Status status = decoder.decode(buffer, deliver);
            switch (status) {
                case NEED_MORE:
                    break;
                case STOPPED:
                    return;
                case ZERO_LENGTH:
                    badFrame(CloseReason.ZERO_LENGTH_FRAME);
                    return;
                case OVERSIZE:
                    badFrame(CloseReason.OVERSIZE_FRAME);
                    return;
                default:
                    throw new IllegalStateException(status.toString());
            }
            if (n < buffer.capacity()) {
                return; // the socket had no more
            }
        }
    }

    private boolean deliver(ByteBuffer packet) {
        if (closed.get()) {
            return false;
        }
        try {
            receiver.received(this, remote, packet);
        } catch (RuntimeException e) {
            // The engine's bug: keep the connection, as one bad packet must not end a session.
            stats.receiverFailed();
            LOG.warn("receiver failed on a packet from {}", format(remote), e);
        }
        return !closed.get();
    }

    private void badFrame(CloseReason reason) {
        String message = "bad packet length " + decoder.badLength() + " from " + format(remote)
                + " (must be 1 to " + decoder.maxPacketLength() + "); closing the connection";
        // OpenVPN warns too: a mismatched tun-mtu or an attack on the TCP link.
        LOG.warn(message);
        closeWith(reason, new BadFrameException(reason, message));
    }

    private void flush() {
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            try {
                queue.drainTo(channel);
            } catch (IOException e) {
                closeWith(CloseReason.IO_ERROR, e);
                return;
            }
            if (queue.isEmpty()) {
                updateInterest();
            }
        }
    }

    /** Matches the key's interest set to the state; holding {@link #writeLock}. */
    private void updateInterest() {
        if (key == null) {
            return; // not registered yet: registration sets it
        }
        int ops = (reading ? SelectionKey.OP_READ : 0) | (queue.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        try {
            if (key.interestOps() != ops) {
                key.interestOps(ops);
                if (!loop.inLoop()) {
                    // A select in progress does not see the change until woken.
                    loop.wakeup();
                }
            }
        } catch (CancelledKeyException e) {
            // Closed meanwhile.
        }
    }

    /**
     * Ends the connection once: counts the reason, closes the socket, and tells the receiver
     * on the loop's thread, after whatever that thread is doing now, so that a receiver
     * closing its own link from {@code received} is not called back inside that call.
     *
     * @return whether this call closed it
     */
    boolean closeWith(CloseReason reason, Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        synchronized (writeLock) {
            reading = false;
            queue.clear();
        }
        stats.closed(reason);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing TCP connection to {} failed", format(remote), e);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("TCP connection {} <-> {} closed: {}", format(localAddress), format(remote), reason);
        }
        loop.execute(() -> notifyClosed(cause));
        return true;
    }

    private void notifyClosed(Throwable cause) {
        PacketReceiver told = receiver;
        receiver = null;
        if (told == null) {
            return;
        }
        try {
            told.closed(this, cause);
        } catch (RuntimeException e) {
            LOG.warn("receiver failed on close of TCP connection to {}", format(remote), e);
        }
    }

    @Override
    public String toString() {
        return "TCP connection " + format(localAddress) + " <-> " + format(remote);
    }
}
