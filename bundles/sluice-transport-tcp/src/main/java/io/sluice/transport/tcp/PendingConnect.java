package io.sluice.transport.tcp;

import static io.sluice.api.transport.SocketAddresses.format;

import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outgoing connection until it is established, fails or times out; all on one loop.
 *
 * <p>The caller may also give up: completing or cancelling the returned stage itself (for
 * example with {@code orTimeout}) closes the socket, and a connection that is established
 * after that is closed without a word to its receiver.
 */
final class PendingConnect implements IoHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PendingConnect.class);

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final PacketReceiver receiver;
    private final IoLoop loop;
    private final TcpSettings settings;
    private final TcpStats stats;
    private final CompletableFuture<PacketLink> result = new CompletableFuture<>();

    /** Loop thread only. */
    private SelectionKey key;
    private IoLoop.Timer timeout;
    private boolean done;

    PendingConnect(SocketChannel channel, InetSocketAddress remote, PacketReceiver receiver, IoLoop loop,
                   TcpSettings settings, TcpStats stats) {
        this.channel = channel;
        this.remote = remote;
        this.receiver = receiver;
        this.loop = loop;
        this.settings = settings;
        this.stats = stats;
        result.whenComplete((link, error) -> {
            if (error != null) {
                loop.execute(this::abort);
            }
        });
    }

    CompletableFuture<PacketLink> result() {
        return result;
    }

    /** Starts connecting. On the loop's thread. */
    void start() {
        if (done) {
            return; // the caller gave up before it started
        }
        if (loop.terminated()) {
            fail(new IOException("TCP transport stopped"));
            return;
        }
        try {
            if (channel.connect(remote)) {
                established();
                return;
            }
            key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            timeout = loop.schedule(settings.connectTimeout().toNanos(), this::timedOut);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (done || !readyKey.isConnectable()) {
            return;
        }
        try {
            if (channel.finishConnect()) {
                established();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void loopStopped() {
        fail(new IOException("TCP transport stopped"));
    }

    private void established() throws IOException {
        done = true;
        cancelTimeout();
        TcpConnection connection;
        try {
            connection = new TcpConnection(channel, loop, settings, stats);
            connection.adopt(key, receiver);
        } catch (IOException | RuntimeException e) {
            done = false;
            throw e;
        }
        stats.connected();
        if (!result.complete(connection)) {
            connection.abandon();
            return;
        }
        connection.startReading();
    }

    private void timedOut() {
        if (done) {
            return;
        }
        stats.connectTimedOut();
        fail(new SocketTimeoutException("connect to " + format(remote) + " timed out after "
                + settings.connectTimeout().toSeconds() + " s"));
    }

    private void fail(Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        closeChannel();
        if (!(cause instanceof SocketTimeoutException)) {
            stats.connectFailed();
        }
        LOG.debug("connect to {} failed: {}", format(remote), cause.toString());
        result.completeExceptionally(cause);
    }

    /** The caller completed the stage itself: stop connecting. */
    private void abort() {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        closeChannel();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel();
        }
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing connect to {} failed", format(remote), e);
        }
    }

    @Override
    public String toString() {
        return "TCP connect to " + format(remote);
    }
}
