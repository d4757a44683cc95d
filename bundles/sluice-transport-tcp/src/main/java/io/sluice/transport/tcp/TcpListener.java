package io.sluice.transport.tcp;

import static io.sluice.api.transport.SocketAddresses.format;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.StreamTransport;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket. It accepts on one loop and spreads the connections over all loops
 * (round robin); each connection's acceptor call and packets then happen on its own loop.
 * Closing it stops accepting and leaves accepted connections open, as the API asks.
 */
final class TcpListener implements Closeable, IoHandler {

    /**
     * Accepts per wake-up before the loop turns to its connections: a burst of new clients
     * must not stall the packets of those already connected.
     */
    private static final int MAX_ACCEPTS_PER_WAKEUP = 64;

    /**
     * How long accepting pauses after accept() failed. The usual cause is running out of file
     * descriptors; the pending connection stays in the backlog and the socket stays
     * readable, so retrying at once would spin the loop at full speed.
     */
    private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);

    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;
    private final IoLoop loop;
    private final TcpTransport transport;
    private final LinkOptions options;
    private final StreamTransport.Acceptor acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable resumeAccepting = this::resumeAccepting;
    private SelectionKey key;

    private TcpListener(ServerSocketChannel server, IoLoop loop, TcpTransport transport, LinkOptions options,
                        StreamTransport.Acceptor acceptor) throws IOException {
        this.server = server;
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
        this.loop = loop;
        this.transport = transport;
        this.options = options;
        this.acceptor = acceptor;
    }

    /**
     * Binds and listens on {@code local}; the socket's family follows its address, and
     * {@code ::} is dual-stack. Accepting starts on {@code loop}.
     */
    static TcpListener open(InetSocketAddress local, LinkOptions options, StreamTransport.Acceptor acceptor,
                            IoLoop loop, TcpTransport transport, int backlog) throws IOException {
        if (local.isUnresolved()) {
            throw new IOException("cannot listen on unresolved address " + local);
        }
        ServerSocketChannel server = ServerSocketChannel.open(local.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            SocketOptions.configureListener(server, options);
            server.bind(local, backlog);
            server.configureBlocking(false);
            TcpListener listener = new TcpListener(server, loop, transport, options, acceptor);
            loop.execute(listener::register);
            return listener;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    private void register() {
        if (closed.get()) {
            return;
        }
        if (loop.terminated()) {
            closeNow();
            return;
        }
        try {
            key = server.register(loop.selector(), SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            LOG.error("cannot accept on {}", format(localAddress), e);
            closeNow();
        }
    }

    @Override
    public void ready(SelectionKey readyKey) {
        for (int i = 0; i < MAX_ACCEPTS_PER_WAKEUP && !closed.get(); i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                acceptFailed(e);
                return;
            }
            if (channel == null) {
                return;
            }
            transport.adopt(channel, options, acceptor);
        }
    }

    private void acceptFailed(IOException e) {
        if (closed.get()) {
            return;
        }
        transport.stats().acceptFailed();
        LOG.warn("accepting on {} failed, pausing 100 ms: {}", format(localAddress), e.toString());
        key.interestOps(0);
        loop.schedule(ACCEPT_RETRY_NANOS, resumeAccepting);
    }

    private void resumeAccepting() {
        if (!closed.get() && key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /**
     * Stops accepting and frees the port before returning. Connections already accepted
     * stay open. On the loop's own thread (from a receiver) the port is freed right after
     * the current dispatch, because a selector cannot be used from inside its own select.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (loop.inLoop()) {
                loop.execute(this::closeNow);
            } else {
                loop.executeAndWait(this::closeNow);
            }
        }
    }

    @Override
    public void loopStopped() {
        closed.set(true);
        closeNow();
    }

    private void closeNow() {
        closed.set(true);
        if (key != null) {
            key.cancel();
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing listener {} failed", format(localAddress), e);
        }
        if (loop.inLoop()) {
            loop.releaseCancelledKeys();
        }
    }

    @Override
    public String toString() {
        return "TCP listener " + format(localAddress);
    }
}
