package io.sluice.transport.tcp;

import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.StreamTransport;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP transport service: listening sockets and outgoing connections, all served by a
 * small fixed set of {@link IoLoop}s.
 *
 * <p>Why several loops and not one: readiness for thousands of sockets is cheap for a single
 * selector, but the receivers run on the loop thread and do the engine's per-packet work
 * (decryption, routing), so one loop would hold a TCP server to one core. One loop per
 * processor by default lets connections use every core; each connection stays on the loop
 * it was given for its whole life, so its packets arrive in order and nothing is handed
 * between threads or shared between loops on the data path.
 */
@Component(service = StreamTransport.class, property = DatagramTransport.NAME + "=tcp")
@Designate(ocd = TcpTransportConfig.class)
public final class TcpTransport implements StreamTransport {

    /** How long stopping waits for each loop; a loop only has to close its sockets. */
    private static final long STOP_WAIT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);

    private final TcpSettings settings;
    private final IoLoop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final TcpStats stats = new TcpStats();
    private volatile boolean stopped;

    @Activate
    public TcpTransport(TcpTransportConfig config) throws IOException {
        this(TcpSettings.from(config));
    }

    TcpTransport(TcpSettings settings) throws IOException {
        this.settings = settings;
        this.loops = new IoLoop[settings.ioThreads()];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new IoLoop("sluice-tcp-io-" + i);
                loops[i].start();
            }
        } catch (IOException e) {
            for (IoLoop loop : loops) {
                if (loop != null) {
                    loop.stop(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            }
            throw e;
        }
    }

    /**
     * Listens on {@code local}. The acceptor is called on the new connection's I/O thread,
     * which must not block.
     *
     * @return closing it stops accepting and frees the port; accepted connections stay open
     * @throws UnsupportedOperationException when {@code options} asks for {@code mark} or
     *                                       {@code bind-dev}
     */
    @Override
    public Closeable listen(InetSocketAddress local, LinkOptions options, Acceptor acceptor) throws IOException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(acceptor, "acceptor");
        SocketOptions.refuseUnsupported(options);
        if (stopped) {
            throw new IOException("TCP transport stopped");
        }
        return TcpListener.open(local, options, acceptor, pickLoop(), this, settings.backlog());
    }

    /**
     * Connects to {@code remote}, giving up after the configured connect timeout with a
     * {@link java.net.SocketTimeoutException}. The stage completes on the connection's I/O
     * thread: whatever the caller chains to it without an executor runs there and must not
     * block. Completing or cancelling the stage itself abandons the attempt.
     *
     * @throws UnsupportedOperationException when {@code options} asks for {@code mark} or
     *                                       {@code bind-dev}
     */
    @Override
    public CompletionStage<PacketLink> connect(InetSocketAddress remote, InetSocketAddress local,
                                               LinkOptions options, PacketReceiver receiver) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(receiver, "receiver");
        SocketOptions.refuseUnsupported(options);
        if (stopped) {
            return CompletableFuture.failedFuture(new IOException("TCP transport stopped"));
        }
        if (remote.isUnresolved()) {
            return CompletableFuture.failedFuture(new UnknownHostException(remote.getHostString()));
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(remote.getAddress() instanceof Inet4Address
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            // Buffers before connecting: the window scale is agreed in the handshake.
            SocketOptions.configureConnection(channel, options, settings);
            if (local != null) {
                channel.bind(local);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return CompletableFuture.failedFuture(e);
        }
        IoLoop loop = pickLoop();
        PendingConnect pending = new PendingConnect(channel, remote, receiver, loop, settings, stats);
        loop.execute(pending::start);
        return pending.result();
    }

    /** Hands an accepted socket to a loop, which asks the acceptor for its receiver. */
    void adopt(SocketChannel channel, LinkOptions options, Acceptor acceptor) {
        TcpConnection connection;
        IoLoop loop = pickLoop();
        try {
            SocketOptions.configureConnection(channel, options, settings);
            connection = new TcpConnection(channel, loop, settings, stats);
        } catch (IOException e) {
            // Reset before we got to it: nothing was announced, so only the socket goes.
            LOG.debug("dropping a connection that failed before it was accepted: {}", e.toString());
            stats.acceptFailed();
            closeQuietly(channel);
            return;
        }
        stats.accepted();
        loop.execute(() -> connection.accept(acceptor));
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        // Tell every loop first, then wait: the loops close their sockets in parallel.
        for (IoLoop loop : loops) {
            loop.stop(0, TimeUnit.SECONDS);
        }
        for (IoLoop loop : loops) {
            loop.awaitStopped(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    TcpStats stats() {
        return stats;
    }

    TcpSettings settings() {
        return settings;
    }

    private IoLoop pickLoop() {
        return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The socket is gone either way.
        }
    }
}
