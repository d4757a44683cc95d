package io.sluice.core.server;

import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlProtection;
import io.sluice.core.wire.ControlWrapper;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.SessionProtection;
import java.security.GeneralSecurityException;
import io.sluice.api.pool.AddressRange;
import io.sluice.api.pool.PoolSpec;
import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.LinkOptions;
import io.sluice.api.transport.PacketLink;
import io.sluice.api.transport.PacketReceiver;
import io.sluice.api.transport.SocketAddresses;
import io.sluice.api.transport.StreamTransport;
import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.IfAddress;
import io.sluice.api.tun.Route;
import io.sluice.api.tun.TunDevice;
import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.OptionsString;
import io.sluice.core.data.KeepalivePing;
import io.sluice.core.engine.Platform;
import io.sluice.core.events.DeviceFacts;
import io.sluice.core.events.EventOutcome;
import io.sluice.core.events.InstanceEvents;
import io.sluice.core.events.RouteFacts;
import io.sluice.core.log.LogCategory;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pool.IfconfigPool;
import io.sluice.core.pool.IfconfigPoolFactory;
import io.sluice.core.pool.PoolLease;
import io.sluice.core.pool.PoolRanges;
import io.sluice.core.reliable.ReliableConfig;
import io.sluice.core.route.RouteChange;
import io.sluice.core.route.RouteKey;
import io.sluice.core.route.RoutingTable;
import io.sluice.core.route.SourceCheck;
import io.sluice.core.session.SessionRole;
import io.sluice.core.session.SessionSettings;
import io.sluice.core.time.Clock;
import io.sluice.core.tunnel.TunReader;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.OuterHeader;
import io.sluice.core.wire.RejectCounters;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An OpenVPN server instance: its sockets, its TUN device, its clients, the routing table
 * between them and the address pool. Several instances run side by side in one JVM without
 * sharing anything but the platform's providers.
 */
public final class ServerInstance implements AutoCloseable {

    /** How often each control thread runs its clients' timers. */
    private static final long TICK_MILLIS = 100;
    /** Room for the largest packet either side of the data channel (TUN MTU 65535 and overhead). */
    private static final int BUFFER_SIZE = TunReader.BUFFER_SIZE;

    private final ServerSettings settings;
    private final Platform platform;
    private final TunnelLog log;
    private final Clock clock;
    /** tls-auth, tls-crypt or tls-crypt-v2, made at start; each client session gets a wrapper of its own. */
    private volatile ControlProtection protection = ControlProtection.none();
    private final java.time.Clock wallClock;
    private final SecureRandom random;
    private final ClientConfigSource clientConfigs;
    private final ServerCounters counters = new ServerCounters();
    private final ControlRejectCounters controlRejects = new ControlRejectCounters();
    private final RejectCounters wireRejects = new RejectCounters();
    private final RoutingTable<ClientPeer> routes;
    private final StatelessStart statelessStart;
    /** connect-freq-initial: answered resets per period (UDP). */
    private final RateLimit initialRate;
    /** connect-freq: new sessions per period (UDP), or null for no limit. */
    private final RateLimit connectRate;
    private final ConcurrentHashMap<Endpoint, ClientPeer> byEndpoint = new ConcurrentHashMap<>();
    /** Pool leases of connected clients, to give back when they go. */
    private final ConcurrentHashMap<ClientPeer, PoolLease> leases = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<ClientPeer> byPeerId;
    private final ArrayDeque<Integer> freePeerIds = new ArrayDeque<>();
    private final ScheduledExecutorService[] shards;
    private final List<TickList<ClientPeer>> shardPeers = new ArrayList<>();
    private final List<Closeable> sockets = new ArrayList<>();
    private final ThreadLocal<IoBuffers> buffers = ThreadLocal.withInitial(IoBuffers::new);
    private final String optionsString;
    private final String expectedRemoteOptions;
    private final SessionSettings sessionSettings;
    private final InstanceEvents events;

    private volatile boolean running;
    private TunDevice tun;
    private Thread tunReader;
    private IfconfigPool pool;

    /** An instance without scripts or event listeners (tests, embedding). */
    public ServerInstance(ServerSettings settings, Platform platform, ClientConfigSource clientConfigs, TunnelLog log,
                          Clock clock, java.time.Clock wallClock, SecureRandom random) {
        this(settings, platform, clientConfigs, log, clock, wallClock, random, InstanceEvents.none(settings.name(), log));
    }

    /**
     * @param clock     monotonic time for protocol timers
     * @param wallClock calendar time for certificate validity
     * @param events    the instance's scripts and event listeners (up, down ...)
     */
    public ServerInstance(ServerSettings settings, Platform platform, ClientConfigSource clientConfigs, TunnelLog log,
                          Clock clock, java.time.Clock wallClock, SecureRandom random, InstanceEvents events) {
        this.events = events;
        this.settings = settings;
        this.platform = platform;
        this.clientConfigs = clientConfigs;
        this.log = log;
        this.clock = clock;
        this.wallClock = wallClock;
        this.random = random;
        this.routes = new RoutingTable<>(settings.ipv4().map(n -> (InetAddress) n.local()));
        this.byPeerId = new AtomicReferenceArray<>(settings.maxClients());
        for (int i = 0; i < settings.maxClients(); i++) {
            freePeerIds.add(i);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.shards = new ScheduledExecutorService[threads];
        for (int i = 0; i < threads; i++) {
            int n = i;
            shards[i] = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sluice-" + settings.name() + "-control-" + n);
                t.setDaemon(true);
                return t;
            });
            shardPeers.add(new TickList<>());
        }
        ReliableConfig reliable = new ReliableConfig(settings.timings().tlsTimeout().toNanos(),
                ReliableConfig.DEFAULT.maxTimeoutNanos(), ReliableConfig.DEFAULT.sendWindow(),
                ReliableConfig.DEFAULT.receiveWindow());
        this.sessionSettings = new SessionSettings(SessionRole.SERVER,
                TlsEndpointFactory.server(settings.tls(), wallClock, random), reliable, settings.timings().tlsMtu(),
                settings.timings().handWindow(), settings.timings().transitionWindow(), random);
        this.statelessStart = new StatelessStart(settings.timings().handWindow(), random, this::newControlCodec);
        ServerSettings.ConnectRates rates = settings.connectRates();
        this.initialRate = new RateLimit(rates.initialMax(), rates.initialSeconds() * 1_000_000_000L);
        this.connectRate = rates.max() == 0 ? null : new RateLimit(rates.max(), rates.seconds() * 1_000_000_000L);
        OptionsString occ = settings.controlProtection().describe(OptionsString.builder()
                .role(OptionsString.Role.TLS_SERVER).devType("tun").tunMtu(settings.tun().mtu())
                .compression(settings.payload().occ())
                .dataCiphers(settings.dataCiphers())).build();
        this.optionsString = occ.local();
        this.expectedRemoteOptions = occ.expectedRemote();
    }

    /** Opens the TUN device, binds the sockets and starts serving. */
    public void start() throws IOException {
        try {
            protection = settings.controlProtection().create(true, platform.crypto(), clock, wallClock,
                    settings.replayWindow(), settings.replaySeconds());
        } catch (GeneralSecurityException e) {
            throw new IOException(settings.controlProtection().kind().option() + ": " + e.getMessage(), e);
        }
        settings.controlProtection().startLines(platform.crypto()).forEach(l -> log.info(Verb.MULTI, l));
        running = true;
        pool = newPool();
        tun = platform.tun().open(settings.tun());
        log.info(Verb.INFO, "TUN/TAP device " + tun.name() + " opened");
        configureTun();
        for (ListenSpec spec : settings.listen()) {
            bind(spec);
        }
        for (int i = 0; i < shards.length; i++) {
            int shard = i;
            shards[i].scheduleWithFixedDelay(() -> tick(shard), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        shards[0].scheduleWithFixedDelay(this::persistPool, 1, 1, TimeUnit.SECONDS);
        tunReader = TunReader.start(tun, "sluice-" + settings.name() + "-tun", (packet, out) -> {
            ClientPeer to = routes.routeDestination(packet);
            if (to == null || to.state() != ClientPeer.State.CONNECTED) {
                counters.noRoute();
                return;
            }
            to.seal(packet, out, clock.nanos());
        }, () -> !running, log);
        log.info(Verb.INFO, "Initialization Sequence Completed");
    }

    private IfconfigPool newPool() throws IOException {
        List<AddressRange> ranges = new ArrayList<>();
        settings.ipv4().ifPresent(n -> ranges.add(new AddressRange(n.poolStart(), n.poolEnd())));
        settings.ipv6().ifPresent(n -> ranges.add(PoolRanges.ipv6Pool(n.poolBase(), n.poolPrefixLength())));
        int block = settings.topology() == ServerSettings.Topology.NET30 && settings.ipv4().isPresent() ? 4 : 1;
        PoolSpec spec = new PoolSpec(settings.name(), ranges, block,
                settings.poolPersist().map(ServerSettings.PoolPersist::file),
                settings.poolPersist().map(ServerSettings.PoolPersist::interval).orElse(java.time.Duration.ofMinutes(10)));
        IfconfigPool created = new IfconfigPoolFactory(clock).create(spec, settings.duplicateCn());
        created.loadReport().problems().forEach(p -> log.warn("ifconfig-pool-persist: " + p));
        log.info(Verb.MULTI, "IFCONFIG POOL: size=" + created.size());
        return created;
    }

    private void configureTun() throws IOException {
        tun.setMtu(settings.tun().mtu());
        if (settings.ipv4().isPresent()) {
            ServerSettings.Ipv4Network v4 = settings.ipv4().get();
            if (settings.topology() == ServerSettings.Topology.SUBNET) {
                tun.addAddress(new IfAddress(v4.local(), prefixOf(v4.remoteOrNetmask()), Optional.empty()));
            } else {
                tun.addAddress(new IfAddress(v4.local(), 32, Optional.of(v4.remoteOrNetmask())));
            }
        }
        if (settings.ipv6().isPresent()) {
            ServerSettings.Ipv6Network v6 = settings.ipv6().get();
            tun.addAddress(new IfAddress(v6.local(), v6.prefixLength(), Optional.empty()));
        }
        tun.setUp(true);
        settings.ipv4().ifPresent(v4 -> log.info(Verb.MULTI, "net_addr_v4_add: " + v4.local().getHostAddress() + " dev " + tun.name()));
        // OpenVPN's order: addresses, the up script (which may refuse), routes, route-up.
        EventOutcome up = events.up(deviceFacts(), RouteFacts.NONE, false).toCompletableFuture().join();
        if (up.fatal()) {
            throw new IOException("the up script failed: " + up.reason());
        }
        for (ServerSettings.RouteSpec r : settings.routes()) {
            tun.addRoute(new Route(r.network(), r.prefixLength(), r.gateway(), 0));
        }
        events.routeUp(false);
    }

    private DeviceFacts deviceFacts() {
        Optional<ServerSettings.Ipv6Network> v6 = settings.ipv6();
        return new DeviceFacts(tun.name(), DeviceType.TUN, io.sluice.config.Topology.valueOf(settings.topology().name()),
                settings.tun().mtu(), settings.ipv4().map(ServerSettings.Ipv4Network::local),
                settings.ipv4().map(ServerSettings.Ipv4Network::remoteOrNetmask),
                v6.map(ServerSettings.Ipv6Network::local), v6.map(ServerSettings.Ipv6Network::prefixLength).orElse(0),
                Optional.empty());
    }

    private static int prefixOf(Inet4Address netmask) {
        byte[] b = netmask.getAddress();
        int bits = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        return Integer.bitCount(bits);
    }

    private void bind(ListenSpec spec) throws IOException {
        if (spec.protocol() == TransportProtocol.UDP) {
            DatagramTransport udp = platform.udp()
                    .orElseThrow(() -> new IOException("proto udp: the UDP transport is not installed"));
            PacketLink link = udp.bind(spec.address(), LinkOptions.DEFAULTS, this::received);
            sockets.add(link::close);
            log.info(Verb.INFO, "UDPv" + family(spec.address()) + " link local (bound): " + describeLong(link.localAddress()));
        } else {
            StreamTransport tcp = platform.tcp()
                    .orElseThrow(() -> new IOException("proto tcp-server: the TCP transport is not installed"));
            Closeable listener = tcp.listen(spec.address(), LinkOptions.DEFAULTS, connection -> new PacketReceiver() {
                @Override
                public void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
                    ServerInstance.this.received(link, link.remoteAddress().orElse(from), packet);
                }

                @Override
                public void closed(PacketLink link, Throwable cause) {
                    connectionClosed(link, cause);
                }
            });
            sockets.add(listener);
            log.info(Verb.INFO, "TCPv" + family(spec.address()) + "_SERVER link local (bound): "
                    + describeLong(spec.address()));
        }
    }

    private static String family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet4Address ? "4" : "6";
    }

    // --- the data path --------------------------------------------------------------------

    /** Per I/O thread: header parser and packet buffers, reused for every packet. */
    private static final class IoBuffers {
        final OuterHeader header = new OuterHeader();
        final ByteBuffer plain = ByteBuffer.allocateDirect(BUFFER_SIZE);
        final ByteBuffer sealed = ByteBuffer.allocateDirect(BUFFER_SIZE);
    }

    /** A packet from a transport (a UDP socket, or one TCP connection), on its I/O thread. */
    void received(PacketLink link, InetSocketAddress from, ByteBuffer packet) {
        if (!running) {
            return;
        }
        IoBuffers io = buffers.get();
        OuterHeader header = io.header;
        if (!header.parse(packet)) {
            counters.malformed();
            return;
        }
        long now = clock.nanos();
        Opcode opcode = header.opcode();
        if (opcode == Opcode.P_DATA_V2 || opcode == Opcode.P_DATA_V1) {
            ClientPeer peer = opcode == Opcode.P_DATA_V2 && header.peerId() >= 0 && header.peerId() < byPeerId.length()
                    ? byPeerId.get(header.peerId()) : byEndpoint.get(new Endpoint(link, from));
            if (peer == null || peer.state() != ClientPeer.State.CONNECTED) {
                counters.unknownPeer();
                return;
            }
            // A P_DATA_V2 packet names its client by peer id, so a client whose address changed
            // (NAT rebinding, a new network) keeps its session once a packet from the new address
            // authenticates, as OpenVPN 2.6 floats clients; anything else must come from the
            // client's own address.
            boolean moved = peer.link() != link || !peer.remote().equals(from);
            if (moved && (opcode != Opcode.P_DATA_V2 || link.protocol() != TransportProtocol.UDP
                    || peer.link().protocol() != TransportProtocol.UDP)) {
                counters.unknownPeer();
                return;
            }
            if (peer.open(header.keyId(), packet, io.plain, now)) {
                if (moved) {
                    floatClient(peer, link, from);
                }
                deliver(peer, io.plain, io.sealed, now);
            }
            return;
        }
        ClientPeer peer = byEndpoint.get(new Endpoint(link, from));
        if (peer == null) {
            peer = firstPacket(link, from, header, packet, now);
            if (peer == null) {
                return;
            }
        }
        ByteBuffer copy = ByteBuffer.allocate(packet.remaining());
        copy.put(packet.duplicate()).flip();
        ClientPeer target = peer;
        target.control().execute(() -> target.controlPacket(copy, clock.nanos()));
    }

    /**
     * A control packet from an address with no client: a new session, a stateless answer, or a
     * drop. Nothing is kept for a packet that does not authenticate. Over UDP a client's reset is
     * answered statelessly ({@link StatelessStart}) and the session is made only when the
     * client's next packet echoes our cookie, as OpenVPN 2.6 does; over TCP (mtcp.c) and for a
     * tls-crypt-v2 client that cannot resend its key, the reset makes the session at once.
     *
     * @return the client the packet goes to, or null when it was dealt with or dropped
     */
    private ClientPeer firstPacket(PacketLink link, InetSocketAddress from, OuterHeader header, ByteBuffer packet,
                                   long now) {
        Opcode opcode = header.opcode();
        boolean reset = opcode.isClientHardReset();
        boolean stateless = link.protocol() == TransportProtocol.UDP;
        if (header.keyId() != 0 || !(reset || stateless && StatelessStart.echoes(opcode))) {
            counters.unknownPeer();
            return null;
        }
        ControlProtection protection = this.protection;
        if (opcode == Opcode.P_CONTROL_HARD_RESET_CLIENT_V3 && protection.name().equals("tls-crypt-v2")) {
            log.info(Verb.HANDSHAKE, "Control Channel: using tls-crypt-v2 key"); // tls_crypt.c, D_HANDSHAKE
        }
        // tls-auth / tls-crypt / tls-crypt-v2: a packet that does not authenticate costs no
        // per-session state.
        Decoded<SessionProtection> admitted = protection.admit(opcode, packet);
        if (!admitted.isOk()) {
            counters.controlAuthFailed();
            wireRejects.count(admitted.reject());
            // OpenVPN's words (verb 1, muted with 'mute'), so admins' fail2ban filters keep matching.
            for (String line : FirstPacketRefusal.logLines(protection.name(), opcode, admitted.reject(),
                    describeLong(from))) {
                log.info(Verb.INFO, LogCategory.PACKET_DROPS, line);
            }
            return null;
        }
        if (!stateless) {
            return newClient(link, from, header, now, admitted.value(), Optional.empty());
        }
        return reset ? statelessReset(link, from, header, packet, admitted.value(), protection, now)
                : echoedCookie(link, from, header, packet, admitted.value(), protection, now);
    }

    /**
     * An authentic reset over UDP: answered statelessly within connect-freq-initial; only a
     * tls-crypt-v2 client that cannot resend its key gets its session now (mudp.c).
     */
    private ClientPeer statelessReset(PacketLink link, InetSocketAddress from, OuterHeader header, ByteBuffer packet,
                                      SessionProtection admitted, ControlProtection protection, long now) {
        if (!withinInitialRate(now)) {
            return null;
        }
        boolean v3 = header.opcode() == Opcode.P_CONTROL_HARD_RESET_CLIENT_V3;
        if (v3 && !StatelessStart.announcesEarlyNegotiation(packet)) {
            if (protection.requiresCookie()) {
                counters.noCookieSupport();
                log.info(Verb.DEBUG, "tls-crypt-v2 force-cookie is enabled, ignoring connection attempt from old"
                        + " client (" + describeLong(from) + ")");
                return null;
            }
            return withinConnectRate(from, now) ? newClient(link, from, header, now, admitted, Optional.empty()) : null;
        }
        ByteBuffer reply = statelessStart.reply(header.sessionId(), from, admitted.wrapper(), v3, now);
        try {
            link.send(reply, from);
            counters.statelessReply();
        } catch (IOException e) {
            counters.sendFailed();
        }
        log.info(Verb.DEBUG, "Reset packet from client, sending HMAC based reset challenge");
        return null;
    }

    /** An authentic packet over UDP that may echo our cookie: the session starts if it does. */
    private ClientPeer echoedCookie(PacketLink link, InetSocketAddress from, OuterHeader header, ByteBuffer packet,
                                    SessionProtection admitted, ControlProtection protection, long now) {
        Opcode opcode = header.opcode();
        Optional<HandshakeCookie.Echo> echo = statelessStart.echo(packet, from, admitted.wrapper(), now);
        if (echo.isEmpty()) {
            counters.badCookie();
            log.info(Verb.PARAMETERS, LogCategory.PACKET_DROPS, "Packet (" + opcode + ") with invalid or missing SID from "
                    + describeLong(from));
            return null;
        }
        log.info(Verb.DEBUG, "Valid packet (" + opcode + ") with HMAC challenge from peer (" + describeLong(from)
                + "), accepting new connection.");
        if (!withinConnectRate(from, now)) {
            return null;
        }
        // The wrapper that checked the echo has taken this packet into its replay window; the
        // session opens it again with its own, which skips the id our reset reply used.
        Decoded<SessionProtection> session = protection.admit(opcode, packet);
        if (!session.isOk()) {
            return null; // cannot happen: the same packet authenticated a moment ago
        }
        session.value().wrapper().skipSendIds(1);
        return newClient(link, from, header, now, session.value(), echo);
    }

    /**
     * connect-freq-initial: whether one more reset may be answered in this period (reflect_filter.c,
     * with OpenVPN's log lines: a note when the limit is first hit, a count when the period ends).
     */
    private boolean withinInitialRate(long now) {
        RateLimit.Verdict verdict = initialRate.tryAcquire(now);
        long dropped = initialRate.takeRefusedLastPeriod();
        ServerSettings.ConnectRates rates = settings.connectRates();
        if (dropped > 0) {
            log.info(Verb.MULTI, "Dropped " + dropped + " initial handshake packets due to --connect-freq-initial "
                    + rates.initialMax() + " " + rates.initialSeconds());
        }
        if (verdict == RateLimit.Verdict.ALLOWED) {
            return true;
        }
        counters.rateLimited();
        if (verdict == RateLimit.Verdict.FIRST_REFUSAL) {
            log.info(Verb.INFO, "Note: --connect-freq-initial " + rates.initialMax() + " " + rates.initialSeconds()
                    + " rate limit exceeded, dropping initial handshake packets for the next "
                    + java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(initialRate.remainingNanos(now)) + " seconds");
        }
        return false;
    }

    /**
     * connect-freq: whether one more session may start now over UDP; if so the reset that led to
     * it no longer counts against connect-freq-initial (mudp.c).
     */
    private boolean withinConnectRate(InetSocketAddress from, long now) {
        if (connectRate != null && connectRate.tryAcquire(now) != RateLimit.Verdict.ALLOWED) {
            counters.rateLimited();
            log.info(Verb.INFO, "MULTI: Connection from " + describe(from) + " would exceed new connection frequency"
                    + " limit as controlled by --connect-freq");
            return false;
        }
        initialRate.release();
        return true;
    }

    /** A client's authenticated packet came from a new address: it talks to us from there now. */
    private void floatClient(ClientPeer peer, PacketLink link, InetSocketAddress to) {
        InetSocketAddress from = peer.remote();
        if (byEndpoint.putIfAbsent(new Endpoint(link, to), peer) != null) {
            return; // another client holds that address; keep things as they are
        }
        byEndpoint.remove(new Endpoint(peer.link(), from), peer);
        peer.floated(link, to);
        peer.log().info(Verb.INFO, "peer float: " + describeLong(from) + " -> " + describeLong(to));
    }

    /** A plaintext tunnel packet from a client: to another client or into the TUN device. */
    private void deliver(ClientPeer from, ByteBuffer plain, ByteBuffer sealed, long now) {
        if (KeepalivePing.isPing(plain)) {
            return;
        }
        SourceCheck source = routes.checkSource(plain, from);
        if (source != SourceCheck.ACCEPTED) {
            if (source == SourceCheck.BAD_SOURCE) {
                counters.badSourceAddress();
                from.log().info(Verb.PACKETS, LogCategory.PACKET_DROPS, "MULTI: bad source address from client, packet dropped");
            }
            return;
        }
        if (settings.clientToClient()) {
            ClientPeer to = routes.routeDestination(plain);
            if (to != null && to != from) {
                to.seal(plain, sealed, now);
                return;
            }
        }
        try {
            tun.write(plain);
        } catch (IOException e) {
            counters.tunWriteFailed();
        }
    }

    /** The TUN reader thread: packets from the host to clients. */

    // --- clients --------------------------------------------------------------------------

    private ClientPeer newClient(PacketLink link, InetSocketAddress from, OuterHeader header, long now,
                                 SessionProtection protection, Optional<HandshakeCookie.Echo> statelessStart) {
        Integer peerId;
        synchronized (freePeerIds) {
            peerId = freePeerIds.poll();
        }
        if (peerId == null) {
            counters.refusedClient();
            log.info(Verb.INFO, "MULTI: new incoming connection would exceed maximum number of clients ("
                    + settings.maxClients() + ")");
            if (link.protocol() == TransportProtocol.TCP) {
                link.close();
            }
            return null;
        }
        int shard = Math.floorMod(from.hashCode(), shards.length);
        ClientPeer peer = new ClientPeer(this, shard, shards[shard], link, from, peerId, now, protection,
                statelessStart);
        ClientPeer previous = byEndpoint.putIfAbsent(new Endpoint(link, from), peer);
        if (previous != null) {
            release(peerId);
            return previous;
        }
        byPeerId.set(peerId, peer);
        shards[shard].execute(() -> shardPeers.get(shard).add(peer));
        log.info(Verb.MULTI, describe(from) + " TLS: Initial packet from " + describeLong(from) + ", sid="
                + header.sessionId());
        return peer;
    }

    private void release(int peerId) {
        synchronized (freePeerIds) {
            freePeerIds.add(peerId);
        }
    }

    private void connectionClosed(PacketLink link, Throwable cause) {
        link.remoteAddress().ifPresent(remote -> {
            ClientPeer peer = byEndpoint.get(new Endpoint(link, remote));
            if (peer != null) {
                peer.control().execute(() -> close(peer, "Connection reset, restarting ["
                        + (cause == null ? "0" : cause.getMessage()) + "]"));
            }
        });
    }

    /** Whether the client may connect (on its control thread), after its certificate checked out. */
    Optional<String> admit(ClientPeer peer) {
        if (!settings.duplicateCn()) {
            for (ClientPeer other : byEndpoint.values()) {
                if (other != peer && other.commonName().equals(peer.commonName())
                        && other.state() != ClientPeer.State.CLOSED) {
                    log.info(Verb.INFO, "MULTI: new connection by client '" + peer.commonName()
                            + "' will cause previous active sessions by this client to be dropped.  Remember to use"
                            + " the --duplicate-cn option if you want multiple clients using the same certificate"
                            + " or username to concurrently connect.");
                    other.control().execute(() -> close(other, "client-instance replaced by a new connection"));
                    // Its lease is still held: give it back now so the new session keeps the address.
                    releaseAddresses(other);
                }
            }
        }
        return Optional.empty();
    }

    /** The client's client-config-dir directives; refuses it (disabled) on errors or ccd-exclusive. */
    ClientDirectives directivesFor(ClientPeer peer) {
        try {
            Optional<ClientDirectives> found = clientConfigs.read(peer.commonName());
            if (found.isEmpty() && settings.ccdExclusive()) {
                peer.log().info(Verb.INFO, "MULTI: client-config-dir authentication failed for common name '"
                        + peer.commonName() + "' (ccd-exclusive and no file)");
                return disabled();
            }
            found.ifPresent(d -> peer.log().info(Verb.MULTI, "OPTIONS IMPORT: reading client specific options from: "
                    + settings.clientConfigDir().map(dir -> dir.resolve(peer.commonName()).toString()).orElse("?")));
            return found.orElse(ClientDirectives.NONE);
        } catch (IOException e) {
            peer.log().warn(e.getMessage());
            return disabled();
        }
    }

    private static ClientDirectives disabled() {
        return new ClientDirectives(true, Optional.empty(), Optional.empty(), List.of(), false, List.of(), List.of());
    }

    /** Addresses for a client: fixed from its directives, else leased from the pool. */
    Optional<ClientAddresses> assignAddresses(ClientPeer peer, ClientDirectives directives) {
        if (directives.ifconfigPush().isPresent()) {
            ClientAddresses fixed = directives.ifconfigPush().get();
            fixed.ipv4().ifPresent(pool::reserve);
            Optional<Inet6Address> v6 = directives.ipv6Push().map(a -> (Inet6Address) a);
            return Optional.of(new ClientAddresses(fixed.ipv4(), fixed.ipv4Peer(), v6.or(fixed::ipv6), true));
        }
        Optional<PoolLease> lease = pool.lease(peer.commonName());
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        PoolLease l = lease.get();
        Optional<Inet4Address> v4 = l.ipv4().map(a -> (Inet4Address) a);
        Optional<Inet4Address> v4Peer = settings.ipv4().map(n -> switch (settings.topology()) {
            case SUBNET -> n.remoteOrNetmask();
            case P2P -> n.local();
            case NET30 -> (Inet4Address) l.ipv4Peer().orElse(n.local());
        });
        Optional<Inet6Address> v6 = directives.ipv6Push().map(a -> (Inet6Address) a)
                .or(() -> l.ipv6().map(a -> (Inet6Address) a));
        leases.put(peer, l);
        peer.log().info(Verb.MULTI, "MULTI_sva: pool returned IPv4=" + v4.map(InetAddress::getHostAddress).orElse("(Not enabled)")
                + ", IPv6=" + v6.map(InetAddress::getHostAddress).orElse("(Not enabled)"));
        return Optional.of(new ClientAddresses(v4, v4Peer, v6, false));
    }

    private void releaseAddresses(ClientPeer peer) {
        PoolLease lease = leases.remove(peer);
        if (lease != null) {
            pool.release(lease);
        }
        peer.addresses().filter(ClientAddresses::fixed).flatMap(ClientAddresses::ipv4).ifPresent(pool::unreserve);
    }

    /** A client finished connecting: its addresses and iroutes now route to it. */
    void connected(ClientPeer peer) {
        List<RouteKey> keys = new ArrayList<>();
        ClientAddresses a = peer.addresses().orElseThrow();
        a.ipv4().ifPresent(v4 -> keys.add(RouteKey.host(v4)));
        a.ipv6().ifPresent(v6 -> keys.add(RouteKey.host(v6)));
        for (ClientDirectives.Subnet s : peer.directives().iroutes()) {
            keys.add(RouteKey.prefix(s.network(), s.prefixLength()));
        }
        for (RouteChange<ClientPeer> change : routes.replace(peer, keys).changes()) {
            peer.log().info(Verb.MULTI, "MULTI: Learn: " + change.key() + " -> " + peer.label());
            // learn-address runs in the background; the route is already in place (Sluice does not
            // hold a client's traffic for the script, unlike OpenVPN, which waits for it).
            peer.events().ifPresent(e -> e.learnAddress(change.kind().operation(), change.key().toString()));
        }
        a.ipv4().ifPresent(v4 -> peer.log().info(Verb.MULTI, "MULTI: primary virtual IP for " + peer.label() + ": "
                + v4.getHostAddress()));
    }

    /** Ends a client's session, on its control thread. */
    void close(ClientPeer peer, String reason) {
        if (peer.state() == ClientPeer.State.CLOSED) {
            return;
        }
        peer.log().info(Verb.INFO, reason);
        for (RouteChange<ClientPeer> change : routes.forget(peer)) {
            events.learnAddressDelete(change.key().toString());
        }
        releaseAddresses(peer);
        peer.events().ifPresent(e -> e.clientDisconnect(peer.disconnectFacts()));
        byEndpoint.remove(new Endpoint(peer.link(), peer.remote()), peer);
        if (byPeerId.compareAndSet(peer.peerId(), peer, null)) {
            release(peer.peerId());
        }
        shardPeers.get(peer.shard()).remove(peer); // on its control thread, as are all changes to the list
        peer.closed();
        if (peer.link().protocol() == TransportProtocol.TCP) {
            peer.link().close();
        }
    }

    private void tick(int shard) {
        long now = clock.nanos();
        shardPeers.get(shard).forEach(peer -> {
            try {
                peer.tick(now);
            } catch (RuntimeException e) {
                // One client's bug must not stop the timers of every other client on this thread.
                peer.log().error("internal error, client dropped: " + e);
                close(peer, "client-instance exiting after an internal error");
            }
        });
    }

    private void persistPool() {
        try {
            pool.persistIfDue();
        } catch (IOException e) {
            log.warn("ifconfig-pool-persist: cannot write: " + e.getMessage());
        }
    }

    // --- for ClientPeer -------------------------------------------------------------------

    ServerSettings settings() {
        return settings;
    }

    InstanceEvents events() {
        return events;
    }

    java.time.Clock wallClock() {
        return wallClock;
    }

    ClientConfigSource clientConfigs() {
        return clientConfigs;
    }

    /** Gives back a client's addresses before it takes others (client-connect's ifconfig-push). */
    void releaseAddressesOf(ClientPeer peer) {
        releaseAddresses(peer);
    }

    io.sluice.core.engine.CryptoProviders providers() {
        return platform.crypto();
    }

    TunnelLog log() {
        return log;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    /** What this server dropped and why. */
    public ServerCounters counters() {
        return counters;
    }

    ControlRejectCounters controlRejects() {
        return controlRejects;
    }

    SessionSettings sessionSettings() {
        return sessionSettings;
    }

    ControlCodec newControlCodec(ControlWrapper wrapper) {
        return new ControlCodec(ControlLimits.DEFAULT, wrapper, wireRejects);
    }

    /**
     * tls-crypt-v2-verify (or a listener) refused a client's key (on the client's control
     * thread): OpenVPN's line, counted, and the session goes as if it never was.
     */
    void clientKeyRefused(ClientPeer peer) {
        counters.clientKeyRefused();
        log.info(Verb.INFO, LogCategory.PACKET_DROPS, "TLS Error: can not extract tls-crypt-v2 client key from "
                + describeLong(peer.remote()));
        close(peer, "tls-crypt-v2 client key refused, session dropped");
    }

    String optionsString() {
        return optionsString;
    }

    String expectedRemoteOptions() {
        return expectedRemoteOptions;
    }

    // --- public view ----------------------------------------------------------------------

    /** What was dropped and why. */
    public ServerCounters dropCounters() {
        return counters;
    }

    /** Clients connected or connecting now. */
    public int clientCount() {
        return byEndpoint.size();
    }

    /** The common names and addresses of connected clients (for status and tests). */
    public List<String> connectedClients() {
        List<String> out = new ArrayList<>();
        for (ClientPeer p : byEndpoint.values()) {
            if (p.state() == ClientPeer.State.CONNECTED) {
                out.add(p.commonName() + " " + p.addresses().flatMap(ClientAddresses::ipv4)
                        .map(InetAddress::getHostAddress).orElse("-"));
            }
        }
        return out;
    }

    /** The TUN device's name, once started. */
    public String deviceName() {
        return tun == null ? "" : tun.name();
    }

    /**
     * Stops serving: tells connected clients to reconnect ({@code RESTART}, OpenVPN's
     * {@code explicit-exit-notify} on a server), closes every client, socket and the TUN
     * device, and writes the pool's persist file.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        long now = clock.nanos();
        Collection<ClientPeer> clients = new ArrayList<>(byEndpoint.values());
        for (ClientPeer peer : clients) {
            runOn(peer, () -> peer.restartClient(now));
        }
        running = false;
        for (ClientPeer peer : clients) {
            runOn(peer, () -> close(peer, "SIGTERM[hard,] received, client-instance exiting"));
        }
        for (Closeable socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                log.warn("closing a socket: " + e.getMessage());
            }
        }
        for (ScheduledExecutorService shard : shards) {
            shard.shutdown();
        }
        if (tun != null) {
            events.routePreDown("sigterm").toCompletableFuture().join();
            tun.close();
            events.down("sigterm", false).toCompletableFuture().join();
        }
        events.close();
        if (tunReader != null) {
            try {
                tunReader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.close();
        }
    }

    private static void runOn(ClientPeer peer, Runnable task) {
        try {
            peer.control().submit(task).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // A control thread that does not answer must not keep the instance from stopping.
        }
    }

    // --- naming ---------------------------------------------------------------------------

    /** OpenVPN's short form of an address in log prefixes: {@code 198.18.0.2:40000}, {@code [fd18::2]:40000}. */
    static String describe(InetSocketAddress a) {
        return SocketAddresses.format(a);
    }

    /** OpenVPN's long form: {@code [AF_INET]198.18.0.2:40000}, {@code [AF_INET6]fd18::2:40000}. */
    static String describeLong(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip instanceof Inet6Address v6) {
            return "[AF_INET6]" + SocketAddresses.compress(v6) + ":" + a.getPort();
        }
        return "[AF_INET]" + (ip == null ? a.getHostString() : ip.getHostAddress()) + ":" + a.getPort();
    }

    /** A client's transport endpoint: its link (socket or connection) and address. */
    private record Endpoint(PacketLink link, InetSocketAddress remote) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint e && e.link == link && e.remote.equals(remote);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(link) * 31 + remote.hashCode();
        }
    }
}
