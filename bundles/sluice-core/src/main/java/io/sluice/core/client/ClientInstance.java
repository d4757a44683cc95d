package io.sluice.core.client;

import io.sluice.core.wire.ControlProtection;
import java.security.GeneralSecurityException;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.event.TunnelEventType;
import io.sluice.core.engine.Platform;
import io.sluice.core.engine.Prompt;
import io.sluice.core.events.DeviceFacts;
import io.sluice.core.events.EventDispatcher;
import io.sluice.core.events.EventOutcome;
import io.sluice.core.events.InstanceEvents;
import io.sluice.core.events.PeerFacts;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pushed.ClientNetworkPlan;
import io.sluice.core.pushed.PushedOptions;
import io.sluice.core.pushed.ReconnectSchedule;
import io.sluice.core.pushed.Restart;
import io.sluice.core.time.Clock;
import io.sluice.core.tunnel.TunReader;
import io.sluice.core.tls.TlsSessionInfo;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An OpenVPN client instance: it tries its servers in turn until one accepts it, applies what
 * the server pushed (addresses, routes, redirect-gateway, DNS) to a TUN device, and stays
 * connected: after ping-restart, a transport error or RESTART it reconnects with the
 * {@code connect-retry} back-off; after AUTH_FAILED it stops or retries as {@code auth-retry}
 * says; HALT, {@code connect-retry-max} and {@link #close()} end it.
 *
 * <p>All decisions run on one control thread; the TUN device is read on a thread of its own and
 * its packets are sealed by the connection that is up now.
 */
public final class ClientInstance implements AutoCloseable, ClientConnection.Events {

    /** Exit status after a fatal local error (the device cannot be configured), as OpenVPN's. */
    public static final int EXIT_FAILURE = 1;
    /**
     * Exit status when the client ends by itself for a reason the log names (AUTH_FAILED with
     * {@code auth-retry none}, HALT, {@code connect-retry-max}) or is stopped: 0, as OpenVPN
     * exits, so service managers that restart on failure do not loop on a refused password.
     */
    public static final int EXIT_OK = 0;

    /** How long a stop waits for the control thread: route-pre-down and down scripts may run. */
    private static final long STOP_WAIT_SECONDS = 2 * EventDispatcher.DEFAULT_TIME_LIMIT.toSeconds() + 5;

    private final ClientSettings settings;
    private final Platform platform;
    private final TunnelLog log;
    private final Clock clock;
    /** tls-auth or tls-crypt, made at start; each connection attempt gets a wrapper of its own. */
    private volatile ControlProtection protection = ControlProtection.none();
    private final java.time.Clock wallClock;
    private final SecureRandom random;
    private final Prompt prompt;
    private final ScheduledExecutorService control;
    /** False when the control thread is shared with other instances: then it is not ours to shut down. */
    private final boolean ownsControl;
    private final ReconnectSchedule schedule;
    private final ClientNetwork network;
    private final InstanceEvents events;
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final ClientDrops drops = new ClientDrops();
    /** Addresses kept across reconnects with persist-remote-ip, by remote index. */
    private final Map<Integer, InetSocketAddress> resolved = new HashMap<>();

    private volatile ClientConnection dataConnection;
    private volatile boolean stopping;
    private volatile String endReason;
    private ClientConnection current;
    /** What the next authentication sends: the user's credentials or a session token; null to read again. */
    private Credentials credentials;
    private boolean tokenInUse;
    private TunDevice tun;
    private Thread tunReader;
    private List<String> appliedOptions = List.of();
    private InetAddress appliedServer;
    private InetSocketAddress lastServer;
    /** Whether an up script ran before (its last argument is then "restart"). */
    private boolean upBefore;

    /**
     * @param clock     monotonic time for protocol timers
     * @param wallClock calendar time for certificate validity
     */
    public ClientInstance(ClientSettings settings, Platform platform, TunnelLog log, Clock clock,
                          java.time.Clock wallClock, SecureRandom random, Prompt prompt, InstanceEvents events) {
        this(settings, platform, log, clock, wallClock, random, prompt, events, Optional.empty());
    }

    /**
     * As the other constructor, with the control thread given: many sessions in one process (a
     * load generator) share a few such threads instead of one each. Every task of this instance
     * then runs on {@code sharedControl}, which must be single-threaded (it is the instance's only
     * lock) and which the instance never shuts down.
     */
    public ClientInstance(ClientSettings settings, Platform platform, TunnelLog log, Clock clock,
                          java.time.Clock wallClock, SecureRandom random, Prompt prompt, InstanceEvents events,
                          Optional<ScheduledExecutorService> sharedControl) {
        this.settings = settings;
        this.platform = platform;
        this.log = log;
        this.clock = clock;
        this.wallClock = wallClock;
        this.random = random;
        this.prompt = prompt;
        this.events = events;
        this.schedule = new ReconnectSchedule(settings.retry(), settings.remotes().size(),
                settings.remoteRandom() ? Optional.of(random) : Optional.empty(), clock);
        // As OpenVPN 2.7's dns-updown: an up script of the user's own takes care of DNS instead.
        boolean ownUpScript = events.dispatcher().hooks().command(TunnelEventType.UP).isPresent();
        this.network = new ClientNetwork(settings.routing(), platform.hostRoutes(),
                ownUpScript ? Optional.empty() : platform.resolver(), log);
        this.ownsControl = sharedControl.isEmpty();
        this.control = sharedControl.orElseGet(() -> Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-" + settings.name() + "-control");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Starts the first attempt and returns; the instance goes on in the background.
     *
     * @throws IOException when the control-channel protection needs a digest no installed provider offers
     */
    public void start() throws IOException {
        try {
            protection = settings.controlProtection().create(false, platform.crypto(), clock, wallClock,
                    settings.replayWindow(), settings.replaySeconds());
        } catch (GeneralSecurityException e) {
            throw new IOException(settings.controlProtection().kind().option() + ": " + e.getMessage(), e);
        }
        settings.controlProtection().startLines(platform.crypto()).forEach(l -> log.info(Verb.MULTI, l));
        ReconnectSchedule.Attempt first = schedule.first();
        control.execute(() -> attempt(first));
    }

    /** Completes with the exit status once the instance has ended by itself (or was closed). */
    public CompletableFuture<Integer> finished() {
        return finished;
    }

    /**
     * Why the instance ended ({@code AUTH_FAILED}, {@code HALT}, {@code connect-retry-max},
     * {@code fatal error}, {@code stopped}), once {@link #finished()} completed.
     */
    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** What was dropped from the network, and why. */
    public ClientDrops drops() {
        return drops;
    }

    /** The TUN device's name, once open. */
    public String deviceName() {
        TunDevice d = tun;
        return d == null ? "" : d.name();
    }

    /** Whether a connection is up now (keys in, pushed options applied). */
    public boolean connected() {
        return dataConnection != null;
    }

    // --- control thread ---------------------------------------------------------------------

    private void attempt(ReconnectSchedule.Attempt attempt) {
        if (stopping) {
            return;
        }
        RemoteSpec remote = settings.remotes().get(attempt.remote());
        Optional<InetSocketAddress> server = Optional.ofNullable(resolved.get(attempt.remote())).or(() -> resolve(remote));
        if (settings.persistRemoteIp()) {
            server.ifPresent(s -> resolved.put(attempt.remote(), s)); // persist-remote-ip: no new lookup on restarts
        }
        if (server.isEmpty()) {
            retryLater(Restart.failed());
            return;
        }
        if (settings.credentials().isPresent() && credentials == null) {
            credentials = settings.credentials().get().read().orElse(null);
            if (credentials == null) {
                log.error("ERROR: could not read Auth username/password (auth-user-pass)");
                finish(EXIT_FAILURE, "fatal error");
                return;
            }
        }
        current = new ClientConnection(settings, remote, server.get(), credentials, platform, protection, log, clock,
                random, control, drops, this);
        current.start(wallClock);
    }

    private Optional<InetSocketAddress> resolve(RemoteSpec remote) {
        try {
            for (InetAddress a : InetAddress.getAllByName(remote.host())) {
                if (remote.family() == 0 || (remote.family() == 4) == (a instanceof Inet4Address)) {
                    return Optional.of(new InetSocketAddress(a, remote.port()));
                }
            }
            log.warn("RESOLVE: Cannot resolve host address: " + remote.host() + ":" + remote.port()
                    + " (no IPv" + remote.family() + " address)");
        } catch (UnknownHostException e) {
            log.warn("RESOLVE: Cannot resolve host address: " + remote.host() + ":" + remote.port()
                    + " (Name or service not known)");
        }
        return Optional.empty();
    }

    @Override
    public void pushed(ClientConnection connection, PushedOptions options, List<String> significant) {
        if (connection != current || stopping) {
            return;
        }
        InetAddress server = connection.server().getAddress();
        try {
            if (tun != null && settings.persistTun() && significant.equals(appliedOptions)
                    && server.equals(appliedServer)) {
                log.info(Verb.INFO, "Preserving previous TUN/TAP instance: " + tun.name());
            } else {
                closeTun(tun == null ? "" : "sigusr1");
                openTun(options, significant, server);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Cannot configure the tunnel: " + e.getMessage());
            connection.stop();
            finish(EXIT_FAILURE, "fatal error");
            return;
        }
        connection.attach(tun);
        dataConnection = connection;
        if (settings.authNocache() && !tokenInUse) {
            credentials = null; // auth-nocache: read (or ask) again for the next authentication
        }
        schedule.connected();
        lastServer = connection.server();
        log.info(Verb.INFO, "Initialization Sequence Completed");
    }

    private void openTun(PushedOptions options, List<String> significant, InetAddress server) throws IOException {
        tun = platform.tun().open(settings.tun());
        log.info(Verb.INFO, "TUN/TAP device " + tun.name() + " opened");
        network.configureDevice(tun, options, server);
        ClientNetworkPlan plan = network.plan();
        events.pushed(plan.dns().foreignOptions(), options.setenv());
        // OpenVPN's order: addresses, the up script (which may refuse), routes, route-up.
        EventOutcome up = join(events.up(DeviceFacts.of(tun.name(), settings.tun().type(), plan.device().topology(),
                plan.device().mtu(), options.ifconfig().or(() -> settings.routing().options().ifconfig()),
                options.ifconfigIpv6().or(() -> settings.routing().options().ifconfigIpv6())),
                network.routeFacts(), upBefore));
        upBefore = true;
        if (up.fatal()) {
            throw new IOException("the up script failed: " + up.reason());
        }
        network.addRoutes(tun);
        events.routeUp(plan.redirect().ipv4Default());
        appliedOptions = List.copyOf(significant);
        appliedServer = server;
        TunDevice device = tun;
        tunReader = TunReader.start(device, "sluice-" + settings.name() + "-tun", (packet, out) -> {
            ClientConnection c = dataConnection;
            if (c != null) {
                c.seal(packet, out);
            }
        }, () -> stopping || tun != device, log);
    }

    /** Takes the device down as OpenVPN does: route-pre-down, routes out, close, down. */
    private void closeTun(String signal) {
        if (tun == null) {
            return;
        }
        join(events.routePreDown(signal));
        network.undo(tun);
        log.info(Verb.INFO, "Closing TUN/TAP interface");
        tun.close();
        join(events.down(signal, false));
        if (tunReader != null && tunReader != Thread.currentThread()) {
            try {
                tunReader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tun = null;
        tunReader = null;
        appliedOptions = List.of();
        appliedServer = null;
    }

    @Override
    public void initiated(ClientConnection connection, TlsSessionInfo tls) {
        if (connection != current) {
            return;
        }
        // OpenVPN runs ipchange whenever a connection to the server is initiated (socket.c
        // link_socket_connection_initiated), so scripts learn the server's current address.
        if (lastServer != null && !lastServer.equals(connection.server())) {
            log.info(Verb.INFO, "ipchange: the server is now at " + connection.server());
        }
        events.ipchange(new PeerFacts(connection.server(), tls.peerCommonName().orElse("UNDEF"), tls.peerChain()));
    }

    /** Waits for an event's scripts and listeners (each has its own time limit). */
    private static EventOutcome join(CompletionStage<EventOutcome> stage) {
        return stage.toCompletableFuture().join();
    }

    @Override
    public void authToken(ClientConnection connection, Credentials token) {
        if (connection == current) {
            credentials = token;
            tokenInUse = true;
        }
    }

    @Override
    public void ended(ClientConnection connection, ClientConnection.Ending why, String message) {
        if (connection != current) {
            return;
        }
        dataConnection = null;
        current = null;
        if (why == ClientConnection.Ending.STOPPED || stopping) {
            return;
        }
        log.info(Verb.INFO, message);
        if (!settings.persistTun()) {
            closeTun(message.contains("ping-restart") ? "ping-restart" : "sigusr1");
        }
        events.restarting(settings.persistTun() && tun != null);
        switch (why) {
            case HALT -> finish(EXIT_OK, "HALT");
            case AUTH_FAILED -> authFailed();
            default -> retryLater(why == ClientConnection.Ending.SERVER_POLL_TIMEOUT ? Restart.serverPollTimeout()
                    : Restart.failed());
        }
    }

    private void authFailed() {
        // What was refused (a password, or an expired auth-token) is not sent again.
        credentials = null;
        tokenInUse = false;
        switch (settings.authRetry()) {
            case NONE -> {
                log.info(Verb.INFO, "SIGTERM[soft,auth-failure] received, process exiting");
                finish(EXIT_OK, "AUTH_FAILED");
            }
            case INTERACT -> {
                Optional<String> user = prompt.ask("Enter Auth Username:", true);
                Optional<String> pass = user.isEmpty() ? Optional.empty() : prompt.ask("Enter Auth Password:", false);
                if (pass.isEmpty()) {
                    log.info(Verb.INFO, "auth-retry interact: no terminal to ask on; process exiting");
                    finish(EXIT_OK, "AUTH_FAILED");
                    return;
                }
                credentials = new Credentials(user.get(), pass.get());
                log.info(Verb.INFO, "SIGUSR1[soft,auth-failure] received, process restarting");
                retryLater(Restart.authFailed());
            }
            case NOINTERACT -> {
                log.info(Verb.INFO, "SIGUSR1[soft,auth-failure] received, process restarting");
                retryLater(Restart.authFailed());
            }
        }
    }

    private void retryLater(Restart why) {
        Optional<ReconnectSchedule.Attempt> next = schedule.next(why);
        if (next.isEmpty()) {
            log.info(Verb.INFO, String.format(ReconnectSchedule.GIVE_UP, settings.retry().maxRounds()));
            finish(EXIT_OK, "connect-retry-max");
            return;
        }
        ReconnectSchedule.Attempt attempt = next.get();
        if (!attempt.pause().isZero()) {
            log.info(Verb.INFO, attempt.logLine());
        }
        control.schedule(() -> attempt(attempt), attempt.pause().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(int status, String reason) {
        stopping = true;
        endReason = reason;
        closeTun("sigterm");
        events.close();
        shutdownControl();
        finished.complete(status);
    }

    private void shutdownControl() {
        if (ownsControl) {
            control.shutdown();
        }
    }

    // --- TUN reader -------------------------------------------------------------------------


    // --- stop -------------------------------------------------------------------------------

    /**
     * Stops the instance: tells the server (explicit-exit-notify), removes the routes and
     * addresses it set and closes the device. Idempotent.
     */
    @Override
    public void close() {
        if (finished.isDone()) {
            return;
        }
        try {
            control.submit(() -> {
                stopping = true;
                ClientConnection c = current;
                dataConnection = null;
                if (c != null) {
                    c.stop();
                }
                closeTun("sigterm");
                events.close();
            }).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // A control thread that does not answer must not keep the instance from stopping.
        }
        shutdownControl();
        endReason = endReason == null ? "stopped" : endReason;
        finished.complete(EXIT_OK);
    }
}
