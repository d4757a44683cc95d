package io.sluice.core.p2p;

import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.SocketAddresses;
import io.sluice.api.tun.TunDevice;
import io.sluice.core.client.ClientNetwork;
import io.sluice.core.control.OccProto;
import io.sluice.core.control.OptionsString;
import io.sluice.core.control.OptionsStringCheck;
import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.engine.Platform;
import io.sluice.core.log.LogCategory;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pushed.PushedOptions;
import io.sluice.core.time.Clock;
import io.sluice.core.tunnel.TunReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A static-key peer-to-peer tunnel, as OpenVPN 2.6 runs {@code --secret} with {@code --ifconfig}:
 * one TUN device with the point-to-point address (and {@code ifconfig-ipv6}, routes), one link to
 * one peer, and every packet sealed under the static key.
 *
 * <p>The link is UDP (the peer is {@code remote}, or learned from the first authentic packet
 * when there is none; {@code float} lets it move), or TCP as {@code tcp-server} (one peer at a
 * time) or {@code tcp-client} (reconnecting after the {@code connect-retry} pause). OpenVPN's
 * soft restarts ({@code ping-restart}, a lost TCP connection, a decryption error over TCP, the
 * peer's OCC exit message) start a new data channel: new packet ids, an empty replay window, and
 * for TCP a new connection. The device stays open across restarts. {@code ping-exit} and
 * {@link #close()} end the instance.
 *
 * <p>Packets from the peer are opened on the transport's thread, packets from the device sealed
 * on a reader thread of their own; timers and restarts run on one control thread.
 */
public final class PeerToPeerInstance implements AutoCloseable {

    /** Exit status when the instance ends by itself ({@code ping-exit}) or is stopped, as OpenVPN's. */
    public static final int EXIT_OK = 0;

    private static final int BUFFER_SIZE = TunReader.BUFFER_SIZE;
    private static final long TICK_MILLIS = 200;
    /** occ.h {@code OCC_INTERVAL_SECONDS} and {@code OCC_N_TRIES}: how often and how long to ask for the peer's string. */
    private static final long OCC_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int OCC_TRIES = 12;

    private final P2pSettings settings;
    private final Platform platform;
    private final TunnelLog log;
    private final Clock clock;
    private final java.time.Clock wallClock;
    private final SecureRandom random;
    private final ScheduledExecutorService control;
    private final ClientNetwork network;
    private final P2pDrops drops = new P2pDrops();
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final ByteBuffer timerOut = ByteBuffer.allocate(BUFFER_SIZE);

    private StaticKeyCrypto crypto;
    private OptionsString options;
    private InetSocketAddress configuredRemote;
    private Closeable listener;
    private TunDevice tun;
    private Thread tunReader;
    private final AtomicBoolean initialized = new AtomicBoolean();
    private long retryPauseMillis;
    private int occRequests;
    private long nextOccRequest;

    private volatile StaticKeyChannel channel;
    private volatile PacketLink link;
    /** Where packets go: the configured remote, the learned peer, the TCP connection's far end. */
    private volatile InetSocketAddress peer;
    /** Whether the peer's first authentic packet on the current link arrived. */
    private volatile boolean peerConfirmed;
    private volatile boolean occReplySeen;
    private volatile long lastReceived;
    private volatile long lastSent;
    private volatile boolean stopping;

    /**
     * @param clock     monotonic time for timers and the replay window
     * @param wallClock calendar time for the packet ids' timestamps
     */
    public PeerToPeerInstance(P2pSettings settings, Platform platform, TunnelLog log, Clock clock,
                              java.time.Clock wallClock, SecureRandom random) {
        this.settings = settings;
        this.platform = platform;
        this.log = log;
        this.clock = clock;
        this.wallClock = wallClock;
        this.random = random;
        this.network = new ClientNetwork(settings.routing(), platform.hostRoutes(), Optional.empty(), log);
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-" + settings.name() + "-control");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Keys the data channel, opens and configures the device, opens the link and returns; the
     * tunnel goes on in the background. As in OpenVPN 2.6, "Initialization Sequence Completed"
     * follows the peer's first authentic packet ("Peer Connection Initiated with ...").
     *
     * @throws IOException when a cipher or digest is not installed, the key is unusable, the
     *                     device or the link cannot be opened, or {@code remote} does not resolve
     */
    public void start() throws IOException {
        try {
            crypto = StaticKeyCrypto.create(settings.key(), settings.direction(), settings.cipher(), settings.auth(),
                    platform.crypto());
            crypto.warnings().forEach(log::warn);
            crypto.startLines().forEach(l -> log.info(Verb.PARAMETERS, l));
            channel = newChannel();
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (settings.remote().isPresent()) {
            configuredRemote = resolve(settings.remote().get());
            peer = configuredRemote;
        }
        options = optionsString();
        log.info(Verb.PARAMETERS, "Local Options String (VER=V4): '" + options.local() + "'");
        log.info(Verb.PARAMETERS, "Expected Remote Options String (VER=V4): '" + options.expectedRemote() + "'");
        try {
            openTun();
            openLink();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        lastReceived = clock.nanos();
        lastSent = clock.nanos();
        control.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Completes with the exit status once the instance has ended ({@code ping-exit}, or closed). */
    public CompletableFuture<Integer> finished() {
        return finished;
    }

    /** The TUN device's name, once open. */
    public String deviceName() {
        TunDevice d = tun;
        return d == null ? "" : d.name();
    }

    /** The peer whose authentic packets arrive now, if any. */
    public Optional<InetSocketAddress> confirmedPeer() {
        return peerConfirmed ? Optional.ofNullable(peer) : Optional.empty();
    }

    /** What was dropped, and why. */
    public P2pDrops drops() {
        return drops;
    }

    private StaticKeyChannel newChannel() throws GeneralSecurityException {
        return crypto.newChannel(clock, wallClock, random::nextBytes, settings.replayWindow(),
                settings.replaySeconds());
    }

    private InetSocketAddress resolve(P2pSettings.Remote remote) throws IOException {
        try {
            for (InetAddress a : InetAddress.getAllByName(remote.host())) {
                if (remote.family() == 0 || (remote.family() == 4) == (a instanceof Inet4Address)) {
                    return new InetSocketAddress(a, remote.port());
                }
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw new IOException("RESOLVE: Cannot resolve host address: " + remote.host() + ":" + remote.port()
                + " (Name or service not known)");
    }

    private OptionsString optionsString() {
        OptionsString.Builder b = OptionsString.builder().role(OptionsString.Role.STATIC_KEY)
                .devType("tun").tunMtu(settings.tun().mtu())
                .proto(switch (settings.link()) {
                    case UDP -> OccProto.UDP;
                    case TCP_SERVER -> OccProto.TCP_SERVER;
                    case TCP_CLIENT -> OccProto.TCP_CLIENT;
                })
                .cipher(crypto.cipher().name(), crypto.cipher())
                .digest(crypto.auth().orElse(null))
                .tunIpv6(settings.routing().options().ifconfigIpv6().isPresent());
        settings.routing().options().ifconfig().ifPresent(i -> b.ifconfig(i.local().getHostAddress(),
                i.netmaskOrRemote().getHostAddress()));
        if (settings.direction() != io.sluice.core.keys.KeyDirection.BIDIRECTIONAL) {
            b.keyDirection(settings.direction().sendKey());
        }
        return b.build();
    }

    private void openTun() throws IOException {
        tun = platform.tun().open(settings.tun());
        log.info(Verb.INFO, "TUN/TAP device " + tun.name() + " opened");
        InetAddress peerAddress = configuredRemote != null ? configuredRemote.getAddress()
                : InetAddress.getByAddress(new byte[4]);
        network.configureDevice(tun, PushedOptions.NONE, peerAddress);
        network.addRoutes(tun);
        tunReader = TunReader.start(tun, "sluice-" + settings.name() + "-tun", this::send, () -> stopping, log);
    }

    private void openLink() throws IOException {
        switch (settings.link()) {
            case UDP -> {
                InetSocketAddress local = settings.bind().orElseThrow();
                link = platform.udp().orElseThrow(() -> new IOException("the UDP transport is not installed"))
                        .bind(local, LinkOptions.DEFAULTS, receiver());
                log.info(Verb.INFO, "UDPv" + family(link.localAddress()) + " link local (bound): "
                        + describe(link.localAddress()));
                log.info(Verb.INFO, "UDPv" + family(link.localAddress()) + " link remote: "
                        + (configuredRemote == null ? "[AF_UNSPEC]" : describe(configuredRemote)));
            }
            case TCP_SERVER -> {
                InetSocketAddress local = settings.bind().orElseThrow();
                listener = platform.tcp().orElseThrow(() -> new IOException("the TCP transport is not installed"))
                        .listen(local, LinkOptions.DEFAULTS, this::accepted);
                log.info(Verb.INFO, "Listening for incoming TCP connection on " + describe(local));
            }
            case TCP_CLIENT -> {
                if (platform.tcp().isEmpty()) {
                    throw new IOException("the TCP transport is not installed");
                }
                retryPauseMillis = settings.connectRetry().toMillis();
                control.execute(this::connect);
            }
        }
    }

    /** OpenVPN 2.6 completes a static-key peer's start once the peer's first authentic packet came (forward.c). */
    private void initializationCompleted() {
        if (initialized.compareAndSet(false, true)) {
            log.info(Verb.INFO, "Initialization Sequence Completed");
        }
    }

    // --- TCP ------------------------------------------------------------------------------------

    /** A TCP peer connected (transport thread): the first is taken, others refused while it lasts. */
    private PacketReceiver accepted(PacketLink connection) {
        if (stopping || link != null) {
            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "TCP: refused a second connection from "
                    + connection.remoteAddress().map(PeerToPeerInstance::describe).orElse("?") + " (one peer at a time)");
            return null;
        }
        link = connection;
        peer = connection.remoteAddress().orElse(null);
        control.execute(() -> connected(connection));
        return receiver();
    }

    /** On the control thread: attempts to reach the tcp-client's remote, again after failures. */
    private void connect() {
        if (stopping) {
            return;
        }
        log.info(Verb.INFO, "Attempting to establish TCP connection with " + describe(configuredRemote));
        InetSocketAddress local = settings.bind().orElse(null);
        platform.tcp().orElseThrow().connect(configuredRemote, local, LinkOptions.DEFAULTS, receiver())
                .whenComplete((connection, error) -> {
                    if (error == null && !stopping) {
                        // At once, so that the peer's first packets find their link.
                        peer = configuredRemote;
                        link = connection;
                    }
                    control.execute(() -> {
                        if (error != null) {
                            long pause = retryPauseMillis;
                            retryPauseMillis = Math.min(retryPauseMillis * 2, settings.connectRetryMax().toMillis());
                            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "TCP: connect to "
                                    + describe(configuredRemote) + " failed: " + error.getMessage() + "; retrying in "
                                    + pause / 1000 + " s");
                            control.schedule(this::connect, pause, TimeUnit.MILLISECONDS);
                        } else if (stopping) {
                            connection.close();
                        } else {
                            retryPauseMillis = settings.connectRetry().toMillis();
                            connected(connection);
                        }
                    });
                });
    }

    private void connected(PacketLink connection) {
        if (stopping || link != connection) {
            return;
        }
        log.info(Verb.INFO, "TCP connection established with "
                + describe(connection.remoteAddress().orElse(peer)));
        lastReceived = clock.nanos();
    }

    // --- restarts -------------------------------------------------------------------------------

    /**
     * OpenVPN's soft restart (SIGUSR1): a new data channel; over TCP a new connection; over UDP
     * without {@code remote} the peer is learned afresh. On the control thread.
     */
    private void restart(String reason) {
        if (stopping) {
            return;
        }
        log.info(Verb.INFO, "SIGUSR1[soft," + reason + "] received, process restarting");
        StaticKeyChannel old = channel;
        try {
            channel = newChannel();
        } catch (GeneralSecurityException e) {
            log.error("Cannot rekey the data channel: " + e.getMessage());
            finish();
            return;
        }
        old.close();
        peerConfirmed = false;
        occReplySeen = false;
        occRequests = 0;
        lastReceived = clock.nanos();
        if (settings.link() == P2pSettings.Link.UDP) {
            peer = configuredRemote;
            return;
        }
        PacketLink l = link;
        link = null;
        peer = null;
        if (l != null) {
            l.close();
        }
        if (settings.link() == P2pSettings.Link.TCP_CLIENT) {
            control.schedule(this::connect, settings.connectRetry().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        if (stopping) {
            return;
        }
        try {
            long now = clock.nanos();
            Duration exit = settings.pingExit();
            if (!exit.isZero() && now - lastReceived >= exit.toNanos()) {
                log.info(Verb.INFO, "Inactivity timeout (--ping-exit), exiting");
                finish();
                return;
            }
            Duration restart = settings.pingRestart();
            if (!restart.isZero() && now - lastReceived >= restart.toNanos()) {
                log.info(Verb.INFO, "Inactivity timeout (--ping-restart), restarting");
                restart("ping-restart");
                return;
            }
            if (peerConfirmed && !occReplySeen && occRequests < OCC_TRIES && now - nextOccRequest >= 0) {
                // As OpenVPN (occ.c): ask for the peer's options string until it answers.
                occRequests++;
                nextOccRequest = now + OCC_INTERVAL_NANOS;
                send(ByteBuffer.wrap(OccMessage.of(OccMessage.REQUEST)), timerOut);
            }
            Duration ping = settings.ping();
            if (!ping.isZero() && now - lastSent >= ping.toNanos()) {
                send(ByteBuffer.wrap(KeepalivePing.bytes()), timerOut);
            }
        } catch (RuntimeException e) {
            log.error("internal error: " + e);
        }
    }

    // --- packets from the peer (transport thread) ---------------------------------------------

    private PacketReceiver receiver() {
        ByteBuffer opened = ByteBuffer.allocateDirect(BUFFER_SIZE);
        ByteBuffer out = ByteBuffer.allocate(BUFFER_SIZE);
        return new PacketReceiver() {
            @Override
            public void received(PacketLink from, InetSocketAddress sender, ByteBuffer packet) {
                fromPeer(from, sender, packet, opened, out);
            }

            @Override
            public void closed(PacketLink closedLink, Throwable cause) {
                if (!stopping && closedLink == link && settings.link().tcp()) {
                    control.execute(() -> {
                        if (closedLink == link) {
                            log.info(Verb.INFO, "Connection reset, restarting ["
                                    + (cause == null ? "0" : cause.getMessage()) + "]");
                            restart("connection-reset");
                        }
                    });
                }
            }
        };
    }

    private void fromPeer(PacketLink from, InetSocketAddress sender, ByteBuffer packet, ByteBuffer opened,
                          ByteBuffer out) {
        if (stopping || from != link) {
            return;
        }
        boolean udp = !settings.link().tcp();
        if (udp && configuredRemote != null && !settings.floatAllowed() && !configuredRemote.equals(sender)) {
            drops.count(P2pDrops.Reason.WRONG_SENDER);
            log.info(Verb.INFO, LogCategory.PACKET_DROPS, "TCP/UDP: Incoming packet rejected from " + describe(sender)
                    + ", expected peer address: " + describe(configuredRemote) + " (allow this incoming source "
                    + "address/port by removing --remote or adding --float)");
            return;
        }
        StaticKeyChannel ch = channel;
        opened.clear();
        DecryptStatus status = ch.open(packet, opened);
        if (status != DecryptStatus.OK) {
            refused(status, sender);
            if (!udp) {
                log.info(Verb.INFO, "Fatal decryption error (process_incoming_link), restarting");
                control.execute(() -> {
                    if (channel == ch) {
                        restart("decryption-error");
                    }
                });
            }
            return;
        }
        opened.flip();
        lastReceived = clock.nanos();
        if (!peerConfirmed || (udp && !sender.equals(peer))) {
            peer = udp ? sender : peer;
            peerConfirmed = true;
            log.info(Verb.INFO, "Peer Connection Initiated with " + describe(sender));
            initializationCompleted();
        }
        if (KeepalivePing.isPing(opened)) {
            return;
        }
        Optional<Integer> occ = OccMessage.opcode(opened);
        if (occ.isPresent()) {
            occ(occ.get(), opened, out);
            return;
        }
        TunDevice device = tun;
        try {
            device.write(opened);
        } catch (IOException | RuntimeException e) {
            drops.count(P2pDrops.Reason.TUN_WRITE_FAILED);
        }
    }

    private void refused(DecryptStatus status, InetSocketAddress sender) {
        switch (status) {
            case BAD_HMAC -> {
                drops.count(P2pDrops.Reason.NOT_AUTHENTIC);
                log.info(Verb.INFO, LogCategory.PACKET_DROPS,
                        "Authenticate/Decrypt packet error: packet HMAC authentication failed");
            }
            case REPLAY, TOO_OLD, EXPIRED, TIME_BACKTRACK, NOT_SEQUENTIAL, ZERO_PACKET_ID -> {
                drops.count(P2pDrops.Reason.REPLAY);
                if (!settings.muteReplayWarnings()) {
                    log.info(Verb.INFO, LogCategory.PACKET_DROPS, "Authenticate/Decrypt packet error: bad packet ID"
                            + " (may be a replay): " + status + " from " + describe(sender) + " -- see the man page"
                            + " entry for --no-replay and --replay-window for more info or silence this warning"
                            + " with --mute-replay-warnings");
                }
            }
            default -> {
                drops.count(P2pDrops.Reason.UNDECRYPTABLE);
                log.info(Verb.INFO, LogCategory.PACKET_DROPS, "Authenticate/Decrypt packet error: " + status
                        + " from " + describe(sender));
            }
        }
    }

    /** An OCC message from the peer (I/O thread): answer a request, check a reply, restart on exit (occ.c). */
    private void occ(int opcode, ByteBuffer message, ByteBuffer out) {
        switch (opcode) {
            case OccMessage.REQUEST -> send(ByteBuffer.wrap(OccMessage.reply(options.local())), out);
            case OccMessage.REPLY -> {
                if (!occReplySeen) {
                    occReplySeen = true;
                    String remote = OccMessage.replyText(message);
                    log.info(Verb.PARAMETERS, "OCC: the peer's options string: '" + remote + "'");
                    // Differences are warnings only, as in OpenVPN 2.6 (options.c options_warning).
                    OptionsStringCheck.compare(remote, options.expectedRemote()).messages().forEach(log::warn);
                }
            }
            case OccMessage.EXIT -> {
                log.info(Verb.INFO, "OCC exit message received by peer");
                control.execute(() -> restart("remote-exit"));
            }
            default -> drops.count(P2pDrops.Reason.OCC_IGNORED); // MTU tests: Sluice does not take part
        }
    }

    // --- packets to the peer ----------------------------------------------------------------------


    /** Seals a payload and sends it to the peer; dropped while there is none. */
    private void send(ByteBuffer payload, ByteBuffer out) {
        PacketLink l = link;
        InetSocketAddress to = peer;
        StaticKeyChannel ch = channel;
        if (l == null || to == null || stopping) {
            drops.count(P2pDrops.Reason.NO_PEER_YET);
            return;
        }
        out.clear();
        if (ch.seal(payload, out) != EncryptStatus.OK) {
            drops.count(P2pDrops.Reason.NOT_SEALED);
            return;
        }
        out.flip();
        try {
            l.send(out, to);
            lastSent = clock.nanos();
        } catch (IOException e) {
            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "write to " + describe(to) + " failed: " + e.getMessage());
        }
    }

    // --- stop -----------------------------------------------------------------------------------

    private void finish() {
        stop();
        finished.complete(EXIT_OK);
    }

    /** Stops the instance: closes the link, removes the routes and addresses it set, closes the device. Idempotent. */
    @Override
    public void close() {
        if (finished.isDone()) {
            return;
        }
        try {
            control.submit(this::stop).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop(); // a control thread that does not answer must not keep the instance from stopping
        }
        finished.complete(EXIT_OK);
    }

    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        closeQuietly(listener);
        PacketLink l = link;
        link = null;
        if (l != null) {
            l.close();
        }
        StaticKeyChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
        if (crypto != null) {
            crypto.destroy();
        }
        if (tun != null) {
            network.undo(tun);
            log.info(Verb.INFO, "Closing TUN/TAP interface");
            tun.close();
        }
        control.shutdown();
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // going away anyway
        }
    }

    private static String family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address ? "6" : "4";
    }

    static String describe(InetSocketAddress a) {
        return (a.getAddress() instanceof Inet6Address ? "[AF_INET6]" : "[AF_INET]") + SocketAddresses.format(a);
    }
}
