package io.sluice.core.server;

import io.sluice.api.transport.PacketLink;
import io.sluice.core.events.ConnectFacts;
import io.sluice.core.events.DisconnectFacts;
import io.sluice.core.events.EventOutcome;
import io.sluice.core.events.PeerFacts;
import io.sluice.core.events.PoolAddresses;
import io.sluice.core.events.SessionEvents;
import io.sluice.core.tls.TlsSessionInfo;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.LongAdder;
import io.sluice.core.control.CipherNegotiation;
import io.sluice.core.control.ClientPushOptions;
import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.ControlText;
import io.sluice.core.control.ControlTextParser;
import io.sluice.core.control.IvProto;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.control.OptionsStringCheck;
import io.sluice.core.control.Parsed;
import io.sluice.core.control.PeerInfo;
import io.sluice.core.control.PushList;
import io.sluice.core.control.PushReplyBuilder;
import io.sluice.core.data.DataFraming;
import io.sluice.core.data.EncryptStatus;
import io.sluice.config.Compression;
import io.sluice.api.auth.AuthRequest;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.events.AuthBackends;
import io.sluice.core.tunnel.RenegotiationTrigger;
import io.sluice.core.log.LogCategory;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.reliable.ReliableConstants;
import io.sluice.core.session.ControlSession;
import io.sluice.core.session.KeyPhase;
import io.sluice.core.session.KeyState;
import io.sluice.core.tunnel.DataKeys;
import io.sluice.core.tunnel.KeyInstaller;
import io.sluice.core.wire.ClientKeyMetadata;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.SessionProtection;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.Decoded;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One connected client, as OpenVPN's {@code struct multi_instance}: its control session, its
 * data-channel keys, its addresses and what it was pushed.
 *
 * <p>Control work (packets, timers, authentication, PUSH_REPLY) runs on the client's control
 * thread ({@link #control()}); the data path ({@link #seal}, {@link #open}) runs on I/O threads
 * and only touches {@link DataKeys} and volatile fields.
 */
final class ClientPeer implements ControlSession.Listener, TickList.Member {

    /** The server sends PUSH_REPLY this long after AUTH_FAILED at most before dropping the client. */
    private static final long AUTH_FAILED_LINGER_NANOS = 5_000_000_000L;
    /** The longest a connected client's timers go unchecked: see {@link #nextCheck}. */
    private static final long CHECK_AT_LEAST_EVERY_NANOS = 1_000_000_000L;

    enum State { HANDSHAKE, CONNECTED, CLOSED }

    private final ServerInstance server;
    private final int shard;
    private final ScheduledExecutorService control;
    private volatile PacketLink link;
    private final ControlCodec codec;
    private final ControlSession session;
    private final DataKeys keys = new DataKeys();
    private final int peerId;
    private final ControlTextParser texts;
    /** Where keepalive pings are sealed, on the control thread. */
    private final ByteBuffer pingBuffer = ByteBuffer.allocate(256);

    private volatile InetSocketAddress remote;
    private volatile State state = State.HANDSHAKE;
    private volatile long lastReceived;
    private volatile long lastSent;

    /** Written when the client's name or address becomes known (float happens on an I/O thread). */
    private volatile TunnelLog log;
    private String commonName = "UNDEF";
    private PeerInfo peerInfo = PeerInfo.NONE;
    private String remoteOptions = "";
    /** What {@code compress migrate} pushes to this client, if anything. */
    private Optional<String> migratedCompression = Optional.empty();
    /** This client's reneg-sec, drawn from the configured range once. */
    private final java.time.Duration renegotiateAfter;
    /** What the authentication backends gave this client: an address, pushes. */
    private ClientDirectives backendDirectives = ClientDirectives.NONE;
    /** This client's compression algorithm (framing only: Sluice never compresses). */
    private Compression.Algorithm compression = Compression.Algorithm.NONE;
    private KeyInstaller installer;
    private ClientAddresses addresses;
    private ClientDirectives directives = ClientDirectives.NONE;
    private List<ControlText.PushReply> pushReply;
    private long closeAt = Long.MAX_VALUE;
    /** client-connect, learn-address, client-disconnect for this client; set once it authenticated. */
    private SessionEvents events;
    private Optional<String> username = Optional.empty();
    /** Kept only until auth-user-pass-verify has it. */
    private String password = "";
    private List<X509Certificate> peerChain = List.of();
    private final Instant createdAt;
    private final long createdNanos;
    /** Link bytes of data packets, for client-disconnect's bytes_received/bytes_sent, as OpenVPN counts them. */
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private long wakeAt = ReliableConstants.NEVER;
    /**
     * No timer of this client is due before this time, so a tick before it returns at once
     * ({@link #nextCheck}). Control thread only.
     */
    private long checkAt;
    /** This client's place in its control thread's {@link TickList}; -1 when not in one. */
    private int tickSlot = -1;
    /**
     * tls-crypt-v2: the client key's metadata until tls-crypt-v2-verify (script and listeners)
     * accepted it; meanwhile the client's first packet (its reset, or after a stateless start its
     * P_CONTROL_WKC_V1) is held, unanswered.
     */
    private Optional<ClientKeyMetadata> keyToVerify;
    private ByteBuffer heldFirst;

    ClientPeer(ServerInstance server, int shard, ScheduledExecutorService control, PacketLink link,
               InetSocketAddress remote, int peerId, long now, SessionProtection protection,
               Optional<HandshakeCookie.Echo> statelessStart) {
        this.server = server;
        this.shard = shard;
        this.control = control;
        this.link = link;
        this.remote = remote;
        this.peerId = peerId;
        this.renegotiateAfter = server.settings().payload().renegotiateAfter(server.settings().renegotiateAfter(), true,
                server.random());
        this.lastReceived = now;
        this.lastSent = now;
        this.checkAt = now;
        this.codec = server.newControlCodec(protection.wrapper());
        this.keyToVerify = protection.metadata();
        ControlRejectCounters rejects = server.controlRejects();
        this.texts = new ControlTextParser(rejects);
        this.log = server.log().withPrefix(ServerInstance.describe(remote));
        this.session = statelessStart.isPresent()
                ? ControlSession.serverAfterStatelessReset(server.sessionSettings(), codec, this, rejects,
                        statelessStart.get().serverId(), statelessStart.get().clientId(), now)
                : ControlSession.server(server.sessionSettings(), codec, this, rejects);
        this.createdAt = server.wallClock().instant();
        this.createdNanos = now;
        rescheduleSession(now);
    }

    ScheduledExecutorService control() {
        return control;
    }

    /** The client now talks to us from {@code to} on {@code via} (floated). */
    void floated(PacketLink via, InetSocketAddress to) {
        this.link = via;
        this.remote = to;
        this.log = server.log().withPrefix(label());
    }

    /** Which of the server's control threads this client runs on. */
    int shard() {
        return shard;
    }

    PacketLink link() {
        return link;
    }

    InetSocketAddress remote() {
        return remote;
    }

    int peerId() {
        return peerId;
    }

    String commonName() {
        return commonName;
    }

    State state() {
        return state;
    }

    Optional<ClientAddresses> addresses() {
        return Optional.ofNullable(addresses);
    }

    ClientDirectives directives() {
        return directives;
    }

    DataKeys keys() {
        return keys;
    }

    TunnelLog log() {
        return log;
    }

    /** OpenVPN's name for a client in logs: {@code alice/198.18.0.2:40000}. */
    String label() {
        return commonName + "/" + ServerInstance.describe(remote);
    }

    // --- control thread -------------------------------------------------------------------

    /** A control packet from the client (a copy the I/O thread made). */
    void controlPacket(ByteBuffer packet, long now) {
        if (state == State.CLOSED) {
            return;
        }
        lastReceived = now;
        if (keyToVerify.isPresent()) {
            // Retransmissions while the verifier decides are dropped; the held packet answers them.
            if (heldFirst == null) {
                heldFirst = packet;
                verifyClientKey(keyToVerify.get());
            }
            return;
        }
        Decoded<ControlMessage> decoded = codec.decode(packet);
        if (!decoded.isOk()) {
            server.counters().badControlPacket();
            log.info(Verb.PACKETS, LogCategory.PACKET_DROPS, "dropped a control packet: " + decoded.reject());
            return;
        }
        session.receive(decoded.value(), now);
        rescheduleSession(now);
    }

    /**
     * tls_crypt.c {@code tls_crypt_v2_verify_metadata}: the key's metadata goes to
     * tls-crypt-v2-verify and to listeners before the reset is answered.
     */
    private void verifyClientKey(ClientKeyMetadata metadata) {
        server.events().tlsCryptV2Verify(metadata)
                .whenComplete((outcome, error) -> control.execute(() -> clientKeyVerified(outcome, error)));
    }

    /** tls-crypt-v2-verify answered: go on with the held packet, or drop the session. */
    private void clientKeyVerified(EventOutcome outcome, Throwable error) {
        if (state == State.CLOSED) {
            return;
        }
        boolean accepted = error == null && outcome.allowed();
        if (outcome != null && outcome.script().isPresent()) {
            log.info(Verb.HANDSHAKE, accepted ? "TLS CRYPT V2 VERIFY SCRIPT OK" : "TLS CRYPT V2 VERIFY SCRIPT ERROR");
        }
        if (!accepted) {
            server.clientKeyRefused(this);
            return;
        }
        keyToVerify = Optional.empty();
        ByteBuffer first = heldFirst;
        heldFirst = null;
        controlPacket(first, server.clock().nanos());
    }

    @Override
    public int tickSlot() {
        return tickSlot;
    }

    @Override
    public void tickSlot(int slot) {
        tickSlot = slot;
    }

    @Override
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Timers: retransmissions, hand window, keepalive, inactivity, renegotiation, delayed close. */
    void tick(long now) {
        if (state == State.CLOSED || now - checkAt < 0) {
            return;
        }
        timers(now);
        checkAt = nextCheck(now);
    }

    private void timers(long now) {
        if (now - closeAt >= 0) {
            server.close(this, "SIGTERM[soft,auth-failure] received, client-instance exiting");
            return;
        }
        // Only when a timer of the session is due: with thousands of idle clients, running every
        // session's machinery ten times a second would be most of what an idle server does.
        if (wakeAt != ReliableConstants.NEVER && now - wakeAt >= 0) {
            session.tick(now);
            rescheduleSession(now);
        }
        if (state == State.CONNECTED) {
            keepalive(now);
        } else if (now - lastReceived > handshakeGiveUpNanos()) {
            server.close(this, "TLS Error: no handshake from the client; client-instance exiting");
        }
    }

    private long handshakeGiveUpNanos() {
        return server.settings().timings().handWindow().toNanos() * 2;
    }

    /**
     * The earliest time one of this client's timers can be due: its session's next wake-up, the
     * delayed close, the next keepalive ping and the inactivity timeout (or, in the handshake,
     * its give-up time), and never more than a second ahead. The ping and inactivity deadlines
     * are computed from the last packet sent and received, which the I/O threads only move
     * later, so the check can come early but never late. The second's bound is for what the data
     * path may change without telling the control thread (a key past reneg-bytes or reneg-pkts)
     * and for reneg-sec, checked as often as OpenVPN checks them. With thousands of idle clients,
     * running every client's timers on every tick was most of what an idle server did.
     */
    private long nextCheck(long now) {
        long next = now + CHECK_AT_LEAST_EVERY_NANOS;
        if (wakeAt != ReliableConstants.NEVER) {
            next = earlier(next, wakeAt);
        }
        next = earlier(next, closeAt);
        if (state == State.CONNECTED) {
            long ping = server.settings().ping().toNanos();
            if (ping > 0) {
                next = earlier(next, lastSent + ping);
            }
            long pingRestart = server.settings().pingRestart().toNanos();
            if (pingRestart > 0) {
                next = earlier(next, lastReceived + pingRestart);
            }
        } else {
            next = earlier(next, lastReceived + handshakeGiveUpNanos() + 1);
        }
        return next;
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    private void keepalive(long now) {
        long pingRestart = server.settings().pingRestart().toNanos();
        if (pingRestart > 0 && now - lastReceived >= pingRestart) {
            server.close(this, "[" + commonName + "] Inactivity timeout (--ping-restart), restarting");
            return;
        }
        long ping = server.settings().ping().toNanos();
        if (ping > 0 && now - lastSent >= ping) {
            pingBuffer.clear();
            seal(ByteBuffer.wrap(KeepalivePing.bytes()), pingBuffer, now);
        }
        Optional<String> softReset = RenegotiationTrigger.due(session, keys, renegotiateAfter,
                server.settings().payload(), now);
        if (softReset.isPresent()) {
            session.renegotiate(now).ifPresent(k -> log.info(Verb.HANDSHAKE, softReset.get()));
            rescheduleSession(now);
        }
    }

    @Override
    public void transmit(ByteBuffer packet) {
        try {
            link.send(packet, remote);
        } catch (IOException e) {
            log.info(Verb.INFO, LogCategory.LINK_ERRORS, "write to the client failed: " + e.getMessage());
        }
    }

    @Override
    public ControlSession.LocalKeyMethod localKeyMethod(KeyState key) {
        return new ControlSession.LocalKeyMethod(server.optionsString(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Override
    public Optional<String> keyMethodReceived(KeyState key, KeyMethod2Message message) {
        if (key.keyId() == 0) {
            peerInfo = PeerInfo.parse(message.peerInfo().orElse(""));
            remoteOptions = message.options();
            username = message.username().filter(u -> !u.isEmpty());
            password = message.password().orElse("");
            if (log.enabled(Verb.MULTI)) {
                for (String line : peerInfo.raw().split("\n")) {
                    if (!line.isBlank() && !line.startsWith("IV_PLAT_VER") || log.enabled(Verb.PARAMETERS)) {
                        log.info(Verb.MULTI, "peer info: " + line);
                    }
                }
            }
            for (String warning : OptionsStringCheck.warnings(message.options(), server.expectedRemoteOptions())) {
                log.info(Verb.PARAMETERS, warning);
            }
        }
        return Optional.empty();
    }

    @Override
    public void keyActive(KeyState key) {
        key.tlsSession().ifPresent(tls -> log.info(Verb.HANDSHAKE, tls.controlChannelLine()));
        long now = server.clock().nanos();
        if (state == State.HANDSHAKE && key.keyId() == 0) {
            connect(key, now);
        } else if (installer != null) {
            installKey(key);
        }
        rescheduleSession(now);
    }

    /** The first key is up: authenticate, negotiate the cipher, take addresses, push. */
    private void connect(KeyState key, long now) {
        commonName = key.tlsSession().flatMap(t -> t.peerCommonName()).orElse("UNDEF");
        peerChain = key.tlsSession().map(TlsSessionInfo::peerChain).orElse(List.of());
        log.info(Verb.INFO, "[" + commonName + "] Peer Connection Initiated with " + ServerInstance.describeLong(remote));
        log = server.log().withPrefix(label());

        Optional<String> refusal = server.admit(this);
        if (refusal.isPresent()) {
            authFailed(refusal.get(), Optional.empty(), now);
            return;
        }
        CipherNegotiation.ServerChoice choice = CipherNegotiation.selectForClient(
                CipherNegotiation.offeredNow(server.settings().dataCiphers(), server.providers()),
                server.settings().dataCiphersFallback(), peerInfo, OptionsStringCheck.remoteCipher(remoteOptions));
        choice.log().forEach(line -> log.info(Verb.MULTI, line));
        if (choice.failed()) {
            authFailed("cipher negotiation failed", Optional.of(choice.failureReason()), now);
            return;
        }
        events = server.events().newSession();
        AuthBackends backends = server.events().authBackends();
        if (events.verifiesUserPass() || backends.configured()) {
            String secret = password;
            password = "";
            if (username.isEmpty()) {
                log.info(Verb.INFO, "TLS Auth Error: Auth Username/Password was not provided by peer");
                authFailed("no username/password", Optional.empty(), now);
                return;
            }
            if (events.verifiesUserPass()) {
                events.userPassVerify(new PeerFacts(remote, commonName, peerChain), peerInfo.environment(),
                                username.get(), secret)
                        .whenComplete((outcome, error) -> control.execute(() -> userPassChecked(key, choice, outcome,
                                error, secret)));
            } else {
                askBackends(key, choice, secret);
            }
            return;
        }
        password = "";
        authenticated(key, choice, now);
    }

    /** auth-user-pass-verify answered; the backends ({@code plugin}) are asked next, if any. */
    private void userPassChecked(KeyState key, CipherNegotiation.ServerChoice choice, EventOutcome outcome,
                                 Throwable error, String secret) {
        long now = server.clock().nanos();
        if (state != State.HANDSHAKE) {
            return;
        }
        if (error != null || !outcome.allowed()) {
            log.info(Verb.INFO, "TLS Auth Error: Auth Username/Password verification failed for peer");
            authFailed("username/password refused", Optional.empty(), now);
            return;
        }
        if (server.events().authBackends().configured()) {
            askBackends(key, choice, secret);
            return;
        }
        userPassSucceeded(key, choice, now);
    }

    private void askBackends(KeyState key, CipherNegotiation.ServerChoice choice, String secret) {
        AuthRequest request = new AuthRequest(server.settings().name(), username.orElse(""), secret,
                Optional.of(commonName), remote, peerInfo.environment());
        server.events().authBackends().authenticate(request)
                .whenComplete((decision, error) -> control.execute(() -> backendsChecked(key, choice, decision)));
    }

    /** The backends answered (AuthBackends never fails). */
    private void backendsChecked(KeyState key, CipherNegotiation.ServerChoice choice, AuthBackends.Decision decision) {
        long now = server.clock().nanos();
        if (state != State.HANDSHAKE) {
            return;
        }
        if (decision == null || !decision.accepted()) {
            log.info(Verb.INFO, "TLS Auth Error: Auth Username/Password verification failed for peer"
                    + (decision == null ? "" : " (" + decision.reason() + ")"));
            authFailed("username/password refused", decision == null ? Optional.empty() : decision.clientReason(), now);
            return;
        }
        backendDirectives = BackendDirectives.of(decision, server.settings(), log);
        userPassSucceeded(key, choice, now);
    }

    private void userPassSucceeded(KeyState key, CipherNegotiation.ServerChoice choice, long now) {
        log.info(Verb.INFO, "TLS: Username/Password authentication succeeded for username '" + username.orElse("")
                + "'");
        authenticated(key, choice, now);
    }

    /** The client is who it says: its directives, addresses, client-connect. */
    private void authenticated(KeyState key, CipherNegotiation.ServerChoice choice, long now) {
        directives = server.directivesFor(this).with(backendDirectives);
        if (directives.disabled()) {
            authFailed("client-config-dir says 'disable'", Optional.empty(), now);
            return;
        }
        Optional<ClientAddresses> assigned = server.assignAddresses(this, directives);
        if (assigned.isEmpty()) {
            authFailed("no dynamic or static remote --ifconfig address is available", Optional.empty(), now);
            return;
        }
        addresses = assigned.get();
        // client-connect (script or listener) decides, and may add client-config-dir lines;
        // the rest of the connection goes on, on this client's control thread, once it answered.
        events.clientConnect(new ConnectFacts(new PeerFacts(remote, commonName, peerChain), peerInfo.environment(),
                        username, poolAddresses(), createdAt, ZoneId.systemDefault()))
                .whenComplete((outcome, error) -> control.execute(() -> clientConnected(key, choice, outcome, error)));
    }

    /** The addresses as scripts see them ({@code ifconfig_pool_*}). */
    private PoolAddresses poolAddresses() {
        boolean subnet = server.settings().topology() == ServerSettings.Topology.SUBNET;
        return new PoolAddresses(addresses.ipv4(), addresses.ipv4Peer(), subnet, addresses.ipv6(),
                server.settings().ipv6().map(ServerSettings.Ipv6Network::local),
                server.settings().ipv6().map(ServerSettings.Ipv6Network::prefixLength).orElse(0));
    }

    /** client-connect answered: admit the client (with what it added) or refuse it. */
    private void clientConnected(KeyState key, CipherNegotiation.ServerChoice choice, EventOutcome outcome,
                                 Throwable error) {
        long now = server.clock().nanos();
        if (state != State.HANDSHAKE) {
            return; // closed while the script ran
        }
        if (error != null || !outcome.allowed()) {
            String why = error != null ? String.valueOf(error.getMessage()) : outcome.reason();
            log.info(Verb.INFO, "MULTI: client-connect refused the client: " + why);
            authFailed("client-connect refused the client", Optional.empty(), now);
            return;
        }
        if (!outcome.configLines().isEmpty()) {
            ClientDirectives added;
            try {
                added = server.clientConfigs().parse(String.join("\n", outcome.configLines()) + "\n",
                        "client-connect");
            } catch (IOException e) {
                log.warn("client-connect wrote an unusable option: " + e.getMessage());
                authFailed("client-connect output unusable", Optional.empty(), now);
                return;
            }
            if (added.disabled()) {
                authFailed("client-connect says 'disable'", Optional.empty(), now);
                return;
            }
            directives = directives.with(added);
            if (added.ifconfigPush().isPresent() || added.ipv6Push().isPresent()) {
                server.releaseAddressesOf(this);
                Optional<ClientAddresses> again = server.assignAddresses(this, directives);
                if (again.isEmpty()) {
                    authFailed("no dynamic or static remote --ifconfig address is available", Optional.empty(), now);
                    return;
                }
                addresses = again.get();
            }
        }
        // compat-mode before 2.5: the PRF even with a client that could export keys.
        boolean ekm = peerInfo.has(IvProto.TLS_KEY_EXPORT) && server.settings().compat().tlsKeyExport();
        installer = new KeyInstaller(choice.cipher().orElseThrow(), server.settings().auth(), ekm, true,
                server.settings().replayWindow(), server.settings().replaySeconds());
        compression = compressionAlgorithm();
        keys.compression(io.sluice.core.tunnel.PayloadSettings.framing(compression));
        keys.limits(server.settings().payload().limits(installer.spec(server.providers()), log::warn));
        if (!installKey(key)) {
            authFailed("data channel keys could not be made", Optional.empty(), now);
            return;
        }
        log.info(Verb.INFO, installer.logLine(server.providers(), peerInfo.has(IvProto.DATA_V2) ? peerId : -1, compression));
        log.info(Verb.MULTI, "Timers: ping " + server.settings().ping().toSeconds() + ", ping-restart "
                + server.settings().pingRestart().toSeconds());
        pushReply = buildPushReply(choice);
        state = State.CONNECTED;
        lastReceived = now;
        checkAt = now; // the keepalive timers start: the next tick computes them
        server.connected(this);
        if (peerInfo.has(IvProto.REQUEST_PUSH)) {
            sendPushReply(now);
        }
    }

    /**
     * This client's compression framing: the server's, or with {@code compress migrate} a stub
     * for a client whose options string says {@code comp-lzo}, pushed so that it drops its
     * compression (multi.c {@code multi_client_connect_compress_migrate}).
     */
    private Compression.Algorithm compressionAlgorithm() {
        Compression.Algorithm configured = server.settings().payload().compression().algorithm();
        if (configured != Compression.Algorithm.MIGRATE || !OptionsStringCheck.remoteUsesCompression(remoteOptions)) {
            return configured;
        }
        if (peerInfo.value("IV_COMP_STUBv2").filter("1"::equals).isPresent()) {
            // OpenVPN's server keeps no framing for these: stub-v2 adds nothing to IP packets.
            migratedCompression = Optional.of("compress stub-v2");
            return Compression.Algorithm.NONE;
        }
        migratedCompression = Optional.of("comp-lzo no");
        return Compression.Algorithm.LZO_STUB;
    }

    private List<ControlText.PushReply> buildPushReply(CipherNegotiation.ServerChoice choice) {
        PushList common = directives.pushReset() ? PushList.EMPTY : PushList.of(server.settings().push());
        if (migratedCompression.isPresent()) {
            common = common.with(migratedCompression.get());
        }
        for (String prefix : directives.pushRemove()) {
            common = common.remove(prefix);
        }
        for (String option : directives.push()) {
            common = common.with(option);
        }
        ClientPushOptions.Builder own = ClientPushOptions.forClient(peerInfo)
                .serverSupports(server.settings().compat().tlsKeyExport()
                        ? EnumSet.of(IvProto.TLS_KEY_EXPORT, IvProto.CC_EXIT_NOTIFY) : EnumSet.of(IvProto.CC_EXIT_NOTIFY))
                .cipher(choice).tunMtu(server.settings().tun().mtu()).peerId(peerId).blocks(common);
        addresses.ipv4().ifPresent(v4 -> own.ifconfig(v4.getHostAddress(),
                addresses.ipv4Peer().orElseThrow().getHostAddress()));
        addresses.ipv6().ifPresent(v6 -> server.settings().ipv6().ifPresent(net ->
                own.ifconfigIpv6(v6.getHostAddress(), net.prefixLength(), net.local().getHostAddress())));
        ClientPushOptions options = own.build();
        options.warnings().forEach(w -> log.info(Verb.MULTI, w));
        return PushReplyBuilder.build(common.options(), options.options());
    }

    private boolean installKey(KeyState key) {
        DataFraming framing = peerInfo.has(IvProto.DATA_V2) ? DataFraming.v2(key.keyId(), peerId)
                : DataFraming.v1(key.keyId());
        try {
            installer.install(key, framing, keys, server.providers(), server.clock(), server.random());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("cannot make data channel keys for key " + key.keyId() + ": " + e.getMessage());
            return false;
        }
    }

    private void sendPushReply(long now) {
        for (ControlText.PushReply reply : pushReply) {
            log.info(Verb.MULTI, "SENT CONTROL [" + commonName + "]: '" + reply.text() + "' (status=1)");
            session.sendText(reply.text(), now);
        }
        rescheduleSession(now);
    }

    private void authFailed(String why, Optional<String> clientReason, long now) {
        log.info(Verb.INFO, "TLS Auth Error: " + why + "; sending AUTH_FAILED");
        ControlText.AuthFailed message = clientReason.map(ControlText.AuthFailed::because)
                .orElseGet(ControlText.AuthFailed::withoutReason);
        session.sendText(message.text(), now);
        rescheduleSession(now);
        closeAt = now + AUTH_FAILED_LINGER_NANOS;
        checkAt = earlier(checkAt, closeAt);
    }

    @Override
    public void keyFailed(KeyState key, String reason) {
        log.info(Verb.INFO, reason);
        boolean anyActive = session.primaryKey().filter(k -> k.phase() == KeyPhase.ACTIVE).isPresent();
        if (!anyActive) {
            server.close(this, "TLS Error: TLS handshake failed");
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
            log.info(Verb.PARAMETERS, "unknown control message from the client: '" + text + "'");
            return;
        }
        long now = server.clock().nanos();
        ControlText message = parsed.value();
        if (message instanceof ControlText.PushRequest) {
            if (state == State.CONNECTED) {
                sendPushReply(now);
            }
        } else if (message instanceof ControlText.Exit) {
            server.close(this, "SIGTERM[soft,remote-exit] received, client-instance exiting");
        } else {
            log.info(Verb.PARAMETERS, "control message from the client ignored: '" + text + "'");
        }
    }

    /** Tells the client to reconnect at once (the server stops; {@code explicit-exit-notify}). */
    void restartClient(long now) {
        if (state == State.CONNECTED) {
            session.sendText(ControlText.ServerSignal.restartWithoutText().text(), now);
            rescheduleSession(now);
        }
    }

    /**
     * After anything that may have given the session work (a packet, a message sent, a key
     * started): when its timers (retransmission, hand window, key retirement) must run next.
     */
    private void rescheduleSession(long now) {
        wakeAt = session.nextWakeup(now);
        if (wakeAt != ReliableConstants.NEVER) {
            checkAt = earlier(checkAt, wakeAt);
        }
    }

    /** The client's event session, once it authenticated. */
    Optional<SessionEvents> events() {
        return Optional.ofNullable(events);
    }

    /** What client-disconnect reports: address, tunnel bytes both ways, how long the session lasted. */
    DisconnectFacts disconnectFacts() {
        return new DisconnectFacts(remote, bytesIn.sum(), bytesOut.sum(),
                Duration.ofNanos(server.clock().nanos() - createdNanos));
    }

    /** Stops everything; called by the server, which has already unlearned the client's routes. */
    void closed() {
        state = State.CLOSED;
        session.close();
        keys.close();
    }

    // --- data path (I/O threads) --------------------------------------------------------------

    /**
     * Seals a tunnel packet (or a keepalive ping) for this client and sends it.
     *
     * @param out a buffer of the calling thread, reused per packet
     */
    void seal(ByteBuffer payload, ByteBuffer out, long now) {
        out.clear();
        EncryptStatus status = keys.encrypt(payload, out);
        if (status != EncryptStatus.OK) {
            server.counters().sealFailed();
            return;
        }
        out.flip();
        int sealed = out.remaining();
        try {
            link.send(out, remote);
            lastSent = now;
            bytesOut.add(sealed);
        } catch (IOException e) {
            server.counters().sendFailed();
        }
    }

    /** Opens a data packet from this client into {@code out}; true if it is authentic and new. */
    boolean open(int keyId, ByteBuffer packet, ByteBuffer out, long now) {
        int received = packet.remaining();
        out.clear();
        DataKeys.Opened opened = keys.decrypt(keyId, packet, out);
        if (opened != DataKeys.Opened.OK) {
            if (opened == DataKeys.Opened.BAD_FRAMING) {
                server.counters().badCompressionFraming();
            } else {
                server.counters().badDataPacket();
            }
            return false;
        }
        lastReceived = now;
        bytesIn.add(received);
        return true;
    }

    @Override
    public String toString() {
        return "ClientPeer[" + label() + ", peer-id " + peerId + ", " + state + "]";
    }
}
