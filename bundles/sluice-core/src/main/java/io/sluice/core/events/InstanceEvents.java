package io.sluice.core.events;

import io.sluice.api.event.TunnelEvent;
import io.sluice.api.auth.UserAuthenticator;
import io.sluice.api.event.TunnelEventListener;
import io.sluice.api.event.TunnelEventType;
import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.pushed.SetenvSafe;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One instance's tunnel events in OpenVPN's terms: each method sets the variables OpenVPN sets
 * at that moment, builds the arguments OpenVPN appends, and hands the event to the
 * {@link EventDispatcher}. A client calls, per connection: {@link #restarting} (from the second
 * attempt on), {@link #ipchange} once the server is verified, {@link #pushed} with the push,
 * {@link #up} once the device has its addresses, {@link #routeUp} once the routes are in, and on
 * the way down {@link #routePreDown} before removing routes and {@link #down} after closing the
 * device. A server calls {@link #up}, {@link #routeUp}, {@link #newSession} for each client,
 * {@link #learnAddressDelete} when a route goes away, and {@link #routePreDown}, {@link #down} at
 * the end.
 *
 * <p>{@code script_type} is set for every event, as OpenVPN sets it before running a script.
 * Thread-safe; the order of events is the order of calls.
 */
public final class InstanceEvents implements AutoCloseable {

    private final EventDispatcher dispatcher;
    private final AuthBackends authBackends;
    private final Map<String, String> base;
    private final ScriptEnvironment env;
    private volatile DeviceFacts device;

    /**
     * @param instanceEnvironment what the instance sets at start, {@link Environments#instance}
     */
    public InstanceEvents(EventDispatcher dispatcher, Map<String, String> instanceEnvironment) {
        this(dispatcher, instanceEnvironment, AuthBackends.NONE);
    }

    /**
     * @param instanceEnvironment what the instance sets at start, {@link Environments#instance}
     * @param authBackends        the backends a server asks about usernames and passwords
     */
    public InstanceEvents(EventDispatcher dispatcher, Map<String, String> instanceEnvironment,
                          AuthBackends authBackends) {
        this.dispatcher = dispatcher;
        this.authBackends = java.util.Objects.requireNonNull(authBackends, "authBackends");
        this.base = Map.copyOf(instanceEnvironment);
        this.env = new ScriptEnvironment(instanceEnvironment);
    }

    /**
     * Everything an instance needs from its configuration, in one call: its scripts (start-up
     * warnings are logged here), a dispatcher with the default time limit, the start-up variables.
     *
     * @throws ConfigException a script option OpenVPN would refuse (see {@link ScriptHooks#fromConfig})
     */
    public static InstanceEvents create(OpenVpnConfig config, String instance,
                                        Supplier<List<TunnelEventListener>> listeners,
                                        java.util.function.Function<String, java.util.Optional<UserAuthenticator>> backends,
                                        TunnelLog log)
            throws ConfigException {
        ScriptHooks hooks = ScriptHooks.fromConfig(config);
        hooks.startupWarnings().forEach(log::warn);
        EventDispatcher dispatcher = new EventDispatcher(instance, hooks, listeners, log);
        Map<String, String> start = Environments.instance(config, ProcessHandle.current().pid(), Instant.now());
        List<String> names = config.all("plugin").stream().map(l -> l.args().get(0)).toList();
        return new InstanceEvents(dispatcher, start, new AuthBackends(names, backends, dispatcher.executor(),
                dispatcher.timeLimit(), log));
    }

    /** The authentication backends ({@code plugin} lines) a server asks about usernames and passwords. */
    public AuthBackends authBackends() {
        return authBackends;
    }

    /** No scripts and no listeners (tests, embedded use): every event is a no-op that succeeds. */
    public static InstanceEvents none(String instance, TunnelLog log) {
        return new InstanceEvents(new EventDispatcher(instance, ScriptHooks.none(Path.of("").toAbsolutePath()),
                List::of, log), Map.of());
    }

        public EventDispatcher dispatcher() {
        return dispatcher;
    }

    /** The instance's variables now. */
    public ScriptEnvironment environment() {
        return env;
    }

    /**
     * A new connection attempt (OpenVPN's SIGUSR1 restart rebuilds the variables from the
     * start-up ones). With {@code keepDevice} (persist-tun kept the device), the device's
     * variables stay, and {@link #down} still knows the device.
     */
    public synchronized void restarting(boolean keepDevice) {
        env.reset(base);
        DeviceFacts kept = device;
        if (keepDevice && kept != null) {
            env.setAll(Environments.device(kept));
        } else {
            device = null;
        }
    }

    /**
     * Client: the peer is verified and its address known (socket.c
     * {@code link_socket_connection_initiated}): sets {@code untrusted_*}, the certificate
     * variables, {@code common_name}, {@code trusted_*}, then runs {@code ipchange} with one
     * argument, {@code [AF_INET]198.51.100.7 1194}.
     */
    public synchronized CompletionStage<EventOutcome> ipchange(PeerFacts peer) {
        env.setAll(Environments.peer(peer));
        return dispatch(TunnelEventType.IPCHANGE, List.of(ScriptArguments.ipchange(peer.address())));
    }

    /**
     * Client: what the server pushed that scripts hear of, before {@code up}:
     * {@code foreign_option_N} (earlier ones are dropped) and {@code OPENVPN_*} from
     * {@code setenv-safe}.
     */
    public synchronized void pushed(List<String> foreignOptions, List<SetenvSafe> setenvSafe) {
        env.removeIf(name -> name.startsWith("foreign_option_"));
        env.setAll(Environments.foreignOptions(foreignOptions));
        env.setAll(Environments.setenvSafe(setenvSafe));
    }

    /**
     * The device is open and has its addresses (init.c {@code do_open_tun}): sets the route and
     * device variables and {@code script_context}, then runs {@code up} with
     * {@code dev tun_mtu 0 ifconfig_local ifconfig_remote|netmask init|restart}. Wait for the
     * outcome before adding routes and logging "Initialization Sequence Completed"; if it is
     * {@link EventOutcome#fatal() fatal}, stop the instance.
     *
     * @param restart true when the device was kept over a restart ({@code up-restart})
     */
    public synchronized CompletionStage<EventOutcome> up(DeviceFacts device, RouteFacts routes, boolean restart) {
        this.device = device;
        String context = restart ? "restart" : "init";
        env.setAll(Environments.routes(routes));
        env.setAll(Environments.device(device));
        env.set("script_context", context);
        return dispatch(TunnelEventType.UP, ScriptArguments.upDown(device, context));
    }

    /**
     * The routes are in (init.c {@code do_route}): sets {@code redirect_gateway} (0 or 1) and runs
     * {@code route-up} without arguments. Its failure is logged only.
     */
    public synchronized CompletionStage<EventOutcome> routeUp(boolean redirectedDefaultGateway) {
        env.set("redirect_gateway", redirectedDefaultGateway ? "1" : "0");
        return dispatch(TunnelEventType.ROUTE_UP, List.of());
    }

    /**
     * The routes are about to go (init.c {@code do_close_tun}): sets {@code signal} and runs
     * {@code route-pre-down} with the same arguments as {@code up} and context {@code init}. Wait
     * for it before removing routes. Nothing happens without a device.
     *
     * @param signal why: {@code sigterm}, {@code sigint}, {@code sighup}, {@code sigusr1},
     *               {@code ping-restart}, {@code connection-reset}, {@code inactive},
     *               {@code ping-exit}, {@code error} ...
     */
    public synchronized CompletionStage<EventOutcome> routePreDown(String signal) {
        DeviceFacts d = device;
        if (d == null) {
            return CompletableFuture.completedFuture(EventOutcome.nothing(TunnelEventType.ROUTE_PRE_DOWN));
        }
        env.set("signal", signal);
        env.set("script_context", "init");
        env.set("tun_mtu", Integer.toString(d.mtu()));
        env.set("dev", d.name());
        return dispatch(TunnelEventType.ROUTE_PRE_DOWN, ScriptArguments.upDown(d, "init"));
    }

    /**
     * The device is closed (init.c {@code do_close_tun}): sets {@code signal} and runs
     * {@code down} with the arguments {@code up} had. Nothing happens without a device.
     *
     * @param restart true when the device stays over a restart ({@code up-restart})
     */
    public synchronized CompletionStage<EventOutcome> down(String signal, boolean restart) {
        DeviceFacts d = device;
        if (d == null) {
            return CompletableFuture.completedFuture(EventOutcome.nothing(TunnelEventType.DOWN));
        }
        String context = restart ? "restart" : "init";
        env.set("signal", signal);
        env.set("script_context", context);
        env.set("tun_mtu", Integer.toString(d.mtu()));
        env.set("dev", d.name());
        if (!restart) {
            device = null;
        }
        return dispatch(TunnelEventType.DOWN, ScriptArguments.upDown(d, context));
    }

    /**
     * Server: a client is connecting. Its variables start as a copy of the instance's now
     * (OpenVPN's client instances inherit the server's), its client-connect and
     * client-disconnect go through a lane of their own.
     */
    public SessionEvents newSession() {
        return new SessionEvents(this, env.copy(), dispatcher.newLane());
    }

    /**
     * Server: an address or route left the routing table (multi.c, route reaping): runs
     * {@code learn-address delete <address>} with no variables but {@code script_type}, as
     * OpenVPN does (it no longer knows the client then).
     *
     * @param address as {@code RouteKey.toString()} prints it: {@code 10.8.0.6}, {@code 192.168.1.0/24} ...
     */
    public CompletionStage<EventOutcome> learnAddressDelete(String address) {
        Map<String, String> only = Map.of("script_type", TunnelEventType.LEARN_ADDRESS.scriptType());
        return dispatcher.dispatch(new TunnelEvent(TunnelEventType.LEARN_ADDRESS, dispatcher.instance(),
                List.of("delete", address), only));
    }

    /**
     * Server: a client's tls-crypt-v2 key unwrapped (tls_crypt.c
     * {@code tls_crypt_v2_verify_metadata}). The script gets what OpenVPN gives it, a fresh
     * environment of {@code script_type}, {@code metadata_type} and {@code metadata_file} (the
     * runner writes the file); listeners get {@code metadata_base64} in place of the file. Each
     * client's check goes through a lane of its own, so one slow verifier holds up no one else.
     * A key without a type byte is refused when a script is configured, as OpenVPN does
     * ("no metadata type").
     */
    public CompletionStage<EventOutcome> tlsCryptV2Verify(io.sluice.core.wire.ClientKeyMetadata metadata) {
        TunnelEventType type = TunnelEventType.TLS_CRYPT_V2_VERIFY;
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        variables.put("script_type", type.scriptType());
        if (metadata.type() < 0) {
            if (dispatcher.hooks().command(type).isPresent()) {
                dispatcher.log().warn("ERROR: no metadata type");
                return CompletableFuture.completedFuture(EventOutcome.undelivered(type, "no metadata type"));
            }
        } else {
            variables.put("metadata_type", Integer.toString(metadata.type()));
        }
        variables.put(ScriptRunner.METADATA_BASE64, java.util.Base64.getEncoder().encodeToString(metadata.value()));
        return dispatcher.newLane().dispatch(new TunnelEvent(type, dispatcher.instance(), List.of(), variables));
    }

    /** Stops the dispatcher (see {@link EventDispatcher#close()}). */
    @Override
    public void close() {
        dispatcher.close();
    }

    private synchronized CompletionStage<EventOutcome> dispatch(TunnelEventType type, List<String> arguments) {
        env.set("script_type", type.scriptType());
        return dispatcher.dispatch(new TunnelEvent(type, dispatcher.instance(), arguments, env.snapshot()));
    }
}
