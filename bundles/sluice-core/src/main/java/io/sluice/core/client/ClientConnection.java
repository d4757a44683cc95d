package io.sluice.core.client;

import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlProtection;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.TunDevice;
import io.sluice.core.control.CipherNegotiation;
import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlText;
import io.sluice.core.control.ControlTextParser;
import io.sluice.core.control.IvProto;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.control.OptionsString;
import io.sluice.core.control.OptionsStringCheck;
import io.sluice.core.control.Parsed;
import io.sluice.core.control.PeerInfoBuilder;
import io.sluice.core.control.PushReplyAssembler;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.EncryptStatus;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.tunnel.PayloadSettings;
import io.sluice.core.tunnel.RenegotiationTrigger;
import io.sluice.core.engine.Platform;
import io.sluice.core.log.LogCategory;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pushed.PingTimeout;
import io.sluice.core.pushed.PushedOptions;
import io.sluice.core.reliable.ReliableConfig;
import io.sluice.core.session.ControlSession;
import io.sluice.core.session.KeyState;
import io.sluice.core.session.SessionRole;
import io.sluice.core.session.SessionSettings;
import io.sluice.core.time.Clock;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSessionInfo;
import io.sluice.core.tunnel.DataKeys;
import io.sluice.core.tunnel.KeyInstaller;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.OuterHeader;
import io.sluice.core.wire.RejectCounters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One attempt to one server: the socket, the control session (hard reset, TLS, key method 2),
 * PUSH_REPLY, the data-channel keys, keepalive and renegotiation, until it ends (the server
 * restarts us, pings stop, AUTH_FAILED, we stop).
 *
 * <p>Control work and timers run on the instance's control thread; packets from the server are
 * opened on the transport's I/O thread and written to the TUN device; packets from the TUN
 * device are sealed on the instance's TUN reader thread ({@link #seal}).
 */
final class ClientConnection implements ControlSession.Listener, PacketReceiver {

    /** How a connection ended, which decides what the instance does next. */
    enum Ending {
        /** Reconnect: ping-restart, RESTART from the server, transport error, handshake timeout. */
        RESTART,
        /** Nothing came back from the server within server-poll-timeout: the next server at once. */
        SERVER_POLL_TIMEOUT,
        /** The server refused our credentials or cipher (AUTH_FAILED); auth-retry decides. */
        AUTH_FAILED,
        /** The server told us to stop (HALT), or a local, unrecoverable problem: stop. */
        HALT,
        /** We stopped it. */
        STOPPED
    }

    /** What a connection tells its instance, on the control thread. */
    interface Events {
        /**
         * The server's options are complete and the keys are in: configure the network now.
         *
         * @param significant the options that tell whether a reconnect got the same set-up
         *                    ({@code persist-tun} keeps the device only then)
         */
        void pushed(ClientConnection connection, PushedOptions options, List<String> significant);

        /** The TLS handshake with the server completed: we know who and where it is. */
        void initiated(ClientConnection connection, TlsSessionInfo tls);

        /** The server gave us a session token to use instead of the password from now on. */
        void authToken(ClientConnection connection, Credentials token);

        /** The connection ended; the instance decides whether and when to try again. */
        void ended(ClientConnection connection, Ending why, String message);
    }

    /** OpenVPN repeats PUSH_REQUEST every 5 s until a PUSH_REPLY comes (common.h). */
    private static final long PUSH_REQUEST_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int BUFFER_SIZE = 65536 + 512;
    private static final long TICK_MILLIS = 100;
    /** How long a renegotiated key waits for the server's first packet under it before we seal with it. */
    private static final long PENDING_SEND_MAX_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ClientSettings settings;
    private final RemoteSpec remote;
    private final InetSocketAddress server;
    private final Platform platform;
    private final TunnelLog log;
    private final Clock clock;
    private final SecureRandom random;
    private final ScheduledExecutorService control;
    private final Events events;
    private final ClientDrops drops;
    private final ControlRejectCounters rejects = new ControlRejectCounters();
    private final ControlCodec codec;
    private final ControlTextParser texts = new ControlTextParser(rejects);
    private final PushReplyAssembler assembler;
    private final DataKeys keys = new DataKeys();
    private final OuterHeader header = new OuterHeader();
    private final ByteBuffer opened = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer pingOut = ByteBuffer.allocate(256);
    private final long startedAt;

    private volatile PacketLink link;
    private volatile TunDevice tun;
    private volatile boolean ended;
    private volatile long lastReceived;
    private volatile long lastSent;
    private volatile boolean heardFromServer;

    private ControlSession session;
    private ScheduledFuture<?> ticker;
    private KeyInstaller installer;
    private boolean pushedOptionsApplied;
    private long nextPushRequest;
    private long ping;
    private long pingRestart;
    private boolean pingExit;
    private boolean ccExit;
    private String serverOptions = "";
    private int peerId = -1;
    /** This connection's reneg-sec, drawn from the configured range once. */
    private final java.time.Duration renegotiateAfter;
    /** The compression the server pushed or the configuration set (framing only: Sluice never compresses). */
    private io.sluice.config.Compression.Algorithm compression = io.sluice.config.Compression.Algorithm.NONE;
    /** What key method 2 sends (null: none): the user's credentials, or an auth-token in the password's place. */
    private Credentials credentials;
    /** V3 with tls-crypt-v2, V2 otherwise. */
    private final Opcode clientReset;

    ClientConnection(ClientSettings settings, RemoteSpec remote, InetSocketAddress server, Credentials credentials,
                     Platform platform, ControlProtection protection, TunnelLog log, Clock clock, SecureRandom random,
                     ScheduledExecutorService control, ClientDrops drops, Events events) {
        this.settings = settings;
        this.remote = remote;
        this.server = server;
        this.platform = platform;
        this.log = log;
        this.clock = clock;
        this.random = random;
        this.renegotiateAfter = settings.payload().renegotiateAfter(settings.renegotiateAfter(), false, random);
        this.control = control;
        this.events = events;
        this.drops = drops;
        this.codec = new ControlCodec(ControlLimits.DEFAULT, protection.newWrapper(), new RejectCounters());
        this.clientReset = protection.clientReset();
        this.assembler = new PushReplyAssembler(settings.pullFilters(), rejects);
        this.ping = settings.ping().toNanos();
        this.pingRestart = settings.pingRestart().toNanos();
        this.startedAt = clock.nanos();
        this.credentials = credentials;
    }

    RemoteSpec remote() {
        return remote;
    }

    InetSocketAddress server() {
        return server;
    }

    /** Opens the socket and sends the first reset; on the control thread. */
    void start(java.time.Clock wallClock) {
        SessionSettings session = new SessionSettings(SessionRole.CLIENT,
                TlsEndpointFactory.client(settings.tls(), wallClock, random),
                new ReliableConfig(settings.timings().tlsTimeout().toNanos(), ReliableConfig.DEFAULT.maxTimeoutNanos(),
                        ReliableConfig.DEFAULT.sendWindow(), ReliableConfig.DEFAULT.receiveWindow()),
                settings.timings().tlsMtu(), settings.timings().handWindow(), settings.timings().transitionWindow(),
                random);
        if (remote.protocol() == TransportProtocol.UDP) {
            try {
                InetSocketAddress local = localAddress();
                link = platform.udp().orElseThrow(() -> new IOException("the UDP transport is not installed"))
                        .bind(local, LinkOptions.DEFAULTS, this);
            } catch (IOException e) {
                end(Ending.RESTART, "UDP link: " + e.getMessage());
                return;
            }
            log.info(Verb.INFO, "UDPv" + family(server) + " link local: " + describe(link.localAddress()));
            log.info(Verb.INFO, "UDPv" + family(server) + " link remote: " + describe(server));
            begin(session);
        } else {
            if (platform.tcp().isEmpty()) {
                end(Ending.HALT, "the TCP transport is not installed");
                return;
            }
            log.info(Verb.INFO, "Attempting to establish TCP connection with " + describe(server));
            platform.tcp().get().connect(server, remote.bind().map(b -> localAddress()).orElse(null),
                            LinkOptions.DEFAULTS, this)
                    .whenComplete((connected, error) -> control.execute(() -> {
                        if (error != null) {
                            end(Ending.RESTART, "TCP: connect to " + describe(server) + " failed: "
                                    + error.getMessage());
                        } else if (ended) {
                            connected.close();
                        } else {
                            link = connected;
                            log.info(Verb.INFO, "TCP connection established with " + describe(server));
                            begin(session);
                        }
                    }));
        }
        ticker = control.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Where to bind: {@code local}/{@code lport} if given (a wildcard of the server's family when
     * only the port is), else any port of the server's family ({@code nobind}).
     */
    private InetSocketAddress localAddress() {
        InetSocketAddress bind = remote.bind().orElse(null);
        if (bind == null) {
            return new InetSocketAddress(wildcard(server), 0);
        }
        return bind.getAddress().isAnyLocalAddress() ? new InetSocketAddress(wildcard(server), bind.getPort()) : bind;
    }

    private void begin(SessionSettings sessionSettings) {
        lastReceived = clock.nanos();
        session = ControlSession.client(sessionSettings, codec, this, rejects, clock.nanos(), clientReset);
    }

    /** The TUN device to write opened packets to (after the first PUSH_REPLY). */
    void attach(TunDevice device) {
        this.tun = device;
    }

    // --- control thread ---------------------------------------------------------------------

    private void tick() {
        if (ended) {
            return;
        }
        long now = clock.nanos();
        try {
            if (session != null) {
                session.tick(now);
            }
            // A server that sends nothing under a new key for this long gets it anyway.
            keys.sendPending(now, PENDING_SEND_MAX_NANOS);
            if (!pushedOptionsApplied) {
                if (!heardFromServer && now - startedAt > settings.serverPollTimeout().toNanos()) {
                    end(Ending.SERVER_POLL_TIMEOUT, "Server poll timeout, trying next remote entry...");
                    return;
                }
                if (now - startedAt > settings.timings().handWindow().toNanos()) {
                    end(Ending.RESTART, "TLS Error: TLS key negotiation failed to occur within "
                            + settings.timings().handWindow().toSeconds()
                            + " seconds (check your network connectivity)");
                    return;
                }
                if (installerReadyForPush() && now - nextPushRequest >= 0) {
                    session.sendText(ControlText.PushRequest.INSTANCE.text(), now);
                    nextPushRequest = now + PUSH_REQUEST_INTERVAL_NANOS;
                }
                return;
            }
            if (pingRestart > 0 && now - lastReceived >= pingRestart) {
                if (pingExit) {
                    end(Ending.HALT, "[" + remote.host() + "] Inactivity timeout (--ping-exit), exiting");
                } else {
                    end(Ending.RESTART, "[" + remote.host() + "] Inactivity timeout (--ping-restart), restarting");
                }
                return;
            }
            if (ping > 0 && now - lastSent >= ping) {
                pingOut.clear();
                seal(ByteBuffer.wrap(KeepalivePing.bytes()), pingOut);
            }
            Optional<String> softReset = RenegotiationTrigger.due(session, keys, renegotiateAfter,
                    settings.payload(), now);
            if (softReset.isPresent()) {
                session.renegotiate(now).ifPresent(k -> log.info(Verb.HANDSHAKE, softReset.get()));
            }
        } catch (RuntimeException e) {
            log.error("internal error: " + e);
            end(Ending.RESTART, "internal error");
        }
    }

    private boolean installerReadyForPush() {
        return session != null && session.primaryKey().isPresent();
    }

    private void controlPacket(ByteBuffer packet) {
        if (ended || session == null) {
            return;
        }
        Decoded<ControlMessage> decoded = codec.decode(packet);
        if (decoded.isOk()) {
            session.receive(decoded.value(), clock.nanos());
        } else {
            drops.count(ClientDrops.Reason.BAD_CONTROL);
            log.info(Verb.PACKETS, LogCategory.PACKET_DROPS, "dropped a control packet: " + decoded.reject());
        }
    }

    @Override
    public void transmit(ByteBuffer packet) {
        PacketLink l = link;
        if (l == null || ended) {
            return;
        }
        try {
            l.send(packet, server);
        } catch (IOException e) {
            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "write to the server failed: " + e.getMessage());
        }
    }

    @Override
    public ControlSession.LocalKeyMethod localKeyMethod(KeyState key) {
        Set<IvProto> flags = EnumSet.of(IvProto.DATA_V2, IvProto.REQUEST_PUSH, IvProto.TLS_KEY_EXPORT,
                IvProto.CC_EXIT_NOTIFY);
        if (!settings.compat().tlsKeyExport()) {
            // compat-mode before 2.5: announce no exporter, so the server derives keys with the PRF.
            flags.remove(IvProto.TLS_KEY_EXPORT);
        }
        // Every stub framing is handled (never compressing), so a 'compress migrate' server can move us to one.
        String peerInfo = PeerInfoBuilder.sluice()
                .dataCiphers(CipherNegotiation.offeredNow(settings.dataCiphers(), platform.crypto())).flags(flags)
                .compressionStubs(true).build();
        String options = settings.controlProtection().describe(OptionsString.builder()
                .role(OptionsString.Role.TLS_CLIENT).devType("tun").tunMtu(settings.tun().mtu())
                .compression(settings.payload().occ())
                .dataCiphers(settings.dataCiphers())).build().local();
        Optional<Credentials> c = Optional.ofNullable(credentials);
        return new ControlSession.LocalKeyMethod(options, c.map(Credentials::username), c.map(Credentials::password),
                Optional.of(peerInfo));
    }

    @Override
    public Optional<String> keyMethodReceived(KeyState key, KeyMethod2Message message) {
        if (key.keyId() == 0) {
            serverOptions = message.options();
        }
        return Optional.empty();
    }

    @Override
    public void keyActive(KeyState key) {
        key.tlsSession().ifPresent(tls -> log.info(Verb.HANDSHAKE, tls.controlChannelLine()));
        if (key.keyId() == 0) {
            log.info(Verb.INFO, "[" + key.tlsSession().flatMap(t -> t.peerCommonName()).orElse("UNDEF")
                    + "] Peer Connection Initiated with " + describe(server));
            key.tlsSession().ifPresent(tls -> events.initiated(this, tls));
            // A 2.6 server pushes at once to a client announcing REQUEST_PUSH; ask anyway after a moment.
            nextPushRequest = clock.nanos() + TimeUnit.SECONDS.toNanos(1);
        } else if (installer != null) {
            install(key);
        }
    }

    @Override
    public void keyFailed(KeyState key, String reason) {
        log.info(Verb.INFO, reason);
        if (session.primaryKey().isEmpty()) {
            end(Ending.RESTART, "TLS Error: TLS handshake failed");
        }
    }

    @Override
    public void keyRetired(KeyState key) {
        keys.retire(key.keyId());
    }

    @Override
    public void controlText(KeyState key, String text) {
        Parsed<ControlText> parsed = texts.parse(text);
        if (!parsed.isOk()) {
            log.info(Verb.PARAMETERS, "unknown control message from the server: '" + text + "'");
            return;
        }
        ControlText message = parsed.value();
        if (message instanceof ControlText.PushReply reply) {
            log.info(Verb.MULTI, "PUSH: Received control message: '" + text + "'");
            pushReply(key, reply);
        } else if (message instanceof ControlText.AuthFailed failed) {
            log.info(Verb.INFO, "AUTH: Received control message: " + text);
            end(Ending.AUTH_FAILED, failed.reason().orElse("AUTH_FAILED"));
        } else if (message instanceof ControlText.ServerSignal signal) {
            log.info(Verb.INFO, "Received control message: '" + text + "'");
            end(signal.restart() ? Ending.RESTART : Ending.HALT, signal.restart()
                    ? "SIGUSR1[soft,server-pushed-connection-reset] received, process restarting"
                    : "SIGTERM[soft,server-pushed-halt] received, process exiting");
        } else {
            log.info(Verb.PARAMETERS, "control message from the server: '" + text + "'");
        }
    }

    private void pushReply(KeyState key, ControlText.PushReply reply) {
        if (pushedOptionsApplied) {
            return; // a repeated reply to a repeated PUSH_REQUEST
        }
        Parsed<PushReplyAssembler.Status> status = assembler.accept(reply);
        if (!status.isOk()) {
            end(Ending.RESTART, "Options error: the server's PUSH_REPLY cannot be used: " + status.reject());
            return;
        }
        if (!assembler.isComplete()) {
            return;
        }
        PushReplyAssembler.Pushed assembled = assembler.result();
        assembled.ignored().forEach(o -> log.info(Verb.INFO, "Pushed option removed by filter: '" + o + "'"));
        PushedOptions pushed = PushedOptions.parse(assembled, settings.routing().routeNopull());
        pushed.problems().forEach(p -> log.warn(p.message()));
        if (!pushed.notApplied().isEmpty()) {
            log.info(Verb.PARAMETERS, "Pushed options Sluice does not act on: " + pushed.notApplied());
        }
        if (pushed.failure().isPresent()) {
            end(Ending.RESTART, "OPTIONS ERROR: failed to import pushed options: " + pushed.failure().get());
            return;
        }
        log.info(Verb.INFO, "OPTIONS IMPORT: options from the server received and checked");
        CipherNegotiation.ClientChoice choice = CipherNegotiation.checkOnClient(pushed.cipher(),
                CipherNegotiation.offeredNow(settings.dataCiphers(), platform.crypto()), settings.dataCiphersFallback(),
                OptionsStringCheck.remoteCipher(serverOptions));
        if (choice.failed()) {
            end(Ending.RESTART, choice.error().orElse("cipher negotiation failed"));
            return;
        }
        boolean ekm = pushed.protocolFlags().contains(IvProto.TLS_KEY_EXPORT);
        ccExit = pushed.protocolFlags().contains(IvProto.CC_EXIT_NOTIFY);
        pushed.ping().ifPresent(v -> ping = TimeUnit.SECONDS.toNanos(v));
        pushed.pingTimeout().ifPresent(t -> {
            pingRestart = TimeUnit.SECONDS.toNanos(t.seconds());
            pingExit = t.action() == PingTimeout.Action.EXIT;
        });
        compression = pushed.compression()
                .map(c -> io.sluice.config.Compression.Algorithm.of(c.option(), c.argument().orElse(null)))
                .orElse(settings.payload().compression().algorithm());
        if (compression.compressing() && settings.payload().compression().allow() == io.sluice.config.Compression.Allow.NO) {
            // As OpenVPN 2.6 with allow-compression no (comp.c check_compression_settings_valid).
            end(Ending.RESTART, "OPTIONS ERROR: failed to import pushed options: Compression is not allowed since"
                    + " allow-compression is set to 'stub-only'");
            return;
        }
        installer = new KeyInstaller(choice.cipher().orElseThrow(), settings.auth(), ekm, false,
                settings.replayWindow(), settings.replaySeconds());
        keys.compression(PayloadSettings.framing(compression));
        keys.limits(settings.payload().limits(installer.spec(platform.crypto()), log::warn));
        peerId = pushed.peerId().orElse(-1);
        authToken(pushed);
        if (!install(key)) {
            end(Ending.RESTART, "cannot make data channel keys");
            return;
        }
        log.info(Verb.INFO, installer.logLine(platform.crypto(), peerId, compression));
        log.info(Verb.MULTI, "Timers: ping " + TimeUnit.NANOSECONDS.toSeconds(ping) + ", ping-"
                + (pingExit ? "exit " : "restart ") + TimeUnit.NANOSECONDS.toSeconds(pingRestart));
        pushedOptionsApplied = true;
        lastReceived = clock.nanos();
        events.pushed(this, pushed, assembled.significant(settings.tun().mtu() != 1500));
    }

    private boolean install(KeyState key) {
        DataFraming framing = peerId >= 0 ? DataFraming.v2(key.keyId(), peerId) : DataFraming.v1(key.keyId());
        try {
            // A renegotiated key seals only once the server sends under it (DataKeys.installWhenPeerSends).
            installer.install(key, framing, keys, platform.crypto(), clock, random, true);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("cannot make data channel keys for key " + key.keyId() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * {@code auth-token} (and {@code auth-token-user}): the server's session token, sent in the
     * password's place from the next renegotiation and reconnect on, so the user is not asked
     * again and a one-time password is not replayed.
     */
    private void authToken(PushedOptions pushed) {
        if (pushed.authToken().isEmpty() || credentials == null) {
            return;
        }
        String user = pushed.authTokenUser().map(ClientConnection::base64).orElse(credentials.username());
        credentials = new Credentials(user, pushed.authToken().get());
        events.authToken(this, credentials);
    }

    private static String base64(String value) {
        try {
            return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /**
     * Ends the connection: tells the server we go if asked to ({@code explicit-exit-notify},
     * as the control-channel EXIT a 2.6 server understands), closes the socket, reports once.
     */
    void stop() {
        if (ended) {
            return;
        }
        if (remote.explicitExitNotify() && ccExit && session != null) {
            session.sendText(ControlText.Exit.INSTANCE.text(), clock.nanos());
        }
        end(Ending.STOPPED, "stopped");
    }

    private void end(Ending why, String message) {
        if (ended) {
            return;
        }
        ended = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (session != null) {
            session.close();
        }
        PacketLink l = link;
        if (l != null) {
            l.close();
        }
        keys.close();
        events.ended(this, why, message);
    }

    // --- data path ----------------------------------------------------------------------------

    /** A packet from the server, on the transport's I/O thread. */
    @Override
    public void received(PacketLink from, InetSocketAddress sender, ByteBuffer packet) {
        if (ended) {
            return;
        }
        if (from.protocol() == TransportProtocol.UDP && !remote.floatAllowed() && !server.equals(sender)) {
            drops.count(ClientDrops.Reason.WRONG_SENDER); // OpenVPN without 'float' ignores other addresses
            return;
        }
        if (!header.parse(packet)) {
            drops.count(ClientDrops.Reason.MALFORMED);
            return;
        }
        Opcode op = header.opcode();
        long now = clock.nanos();
        if (op == Opcode.P_DATA_V2 || op == Opcode.P_DATA_V1) {
            opened.clear();
            DataKeys.Opened result = keys.decrypt(header.keyId(), packet, opened);
            if (result != DataKeys.Opened.OK) {
                drops.count(result == DataKeys.Opened.BAD_FRAMING ? ClientDrops.Reason.BAD_COMPRESSION_FRAMING
                        : ClientDrops.Reason.BAD_DATA);
                return;
            }
            lastReceived = now;
            TunDevice device = tun;
            if (device != null && !KeepalivePing.isPing(opened)) {
                try {
                    device.write(opened);
                } catch (IOException e) {
                    drops.count(ClientDrops.Reason.TUN_WRITE_FAILED); // the tunnel goes on
                }
            }
            return;
        }
        lastReceived = now;
        heardFromServer = true;
        ByteBuffer copy = ByteBuffer.allocate(packet.remaining());
        copy.put(packet.duplicate()).flip();
        control.execute(() -> controlPacket(copy));
    }

    @Override
    public void closed(PacketLink closedLink, Throwable cause) {
        if (!ended && closedLink == link) {
            control.execute(() -> end(Ending.RESTART, "Connection reset, restarting ["
                    + (cause == null ? "0" : cause.getMessage()) + "]"));
        }
    }

    /** Seals a packet for the server and sends it; on the TUN reader thread (or the control thread for pings). */
    void seal(ByteBuffer payload, ByteBuffer out) {
        PacketLink l = link;
        if (ended || l == null) {
            return;
        }
        out.clear();
        if (keys.encrypt(payload, out) != EncryptStatus.OK) {
            return;
        }
        out.flip();
        try {
            l.send(out, server);
            lastSent = clock.nanos();
        } catch (IOException e) {
            // Dropped; ping-restart notices a link that stays down.
        }
    }

    private static java.net.InetAddress wildcard(InetSocketAddress server) {
        try {
            return java.net.InetAddress.getByName(server.getAddress() instanceof java.net.Inet6Address ? "::" : "0.0.0.0");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String family(InetSocketAddress a) {
        return a.getAddress() instanceof java.net.Inet6Address ? "6" : "4";
    }

    private static String describe(InetSocketAddress a) {
        return (a.getAddress() instanceof java.net.Inet6Address ? "[AF_INET6]" : "[AF_INET]")
                + io.sluice.api.transport.SocketAddresses.format(a);
    }
}
