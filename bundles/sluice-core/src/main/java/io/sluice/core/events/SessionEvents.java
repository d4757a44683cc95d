package io.sluice.core.events;

import io.sluice.api.event.TunnelEvent;
import io.sluice.api.event.TunnelEventType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One client's events on a server (OpenVPN's {@code multi_instance}): {@link #clientConnect}
 * when it has authenticated, {@link #learnAddress} for each address or route learned for it, and
 * {@link #clientDisconnect} when its session ends. Its variables start as a copy of the server's
 * and grow with each event, as OpenVPN's per-client environment does.
 *
 * <p>client-connect and client-disconnect go through the session's own lane; learn-address goes
 * through the instance's, so that all changes to the routing table reach the script in the order
 * they were made. Thread-safe.
 */
public final class SessionEvents {

    private final InstanceEvents instance;
    private final ScriptEnvironment env;
    private final EventDispatcher.Lane lane;
    private String commonName = "UNDEF";
    private CompletableFuture<EventOutcome> connect;

    SessionEvents(InstanceEvents instance, ScriptEnvironment env, EventDispatcher.Lane lane) {
        this.instance = instance;
        this.env = env;
        this.lane = lane;
    }

    /** The client's variables now. */
    public ScriptEnvironment environment() {
        return env;
    }

    /**
     * The client authenticated (multi.c {@code multi_client_connect_setenv},
     * {@code multi_client_connect_call_script}): sets its variables and runs
     * {@code client-connect} with a fresh file as its last argument. Admit the client only when
     * the outcome is {@link EventOutcome#allowed() allowed}, applying
     * {@link EventOutcome#configLines()} as client-config-dir lines.
     */
    public synchronized CompletionStage<EventOutcome> clientConnect(ConnectFacts facts) {
        commonName = facts.peer().commonName();
        env.setAll(Environments.clientConnect(facts));
        CompletableFuture<EventOutcome> outcome = dispatch(lane, TunnelEventType.CLIENT_CONNECT, List.of())
                .toCompletableFuture();
        connect = outcome;
        return outcome.copy();
    }

    /** Whether a verifier for usernames and passwords is configured ({@code auth-user-pass-verify}). */
    public boolean verifiesUserPass() {
        return instance.dispatcher().hooks().command(TunnelEventType.USER_PASS_VERIFY).isPresent();
    }

    /**
     * The client sent a username and password (ssl_verify.c {@code verify_user_pass_script}):
     * runs {@code auth-user-pass-verify} with the peer's address, certificate variables,
     * {@code common_name}, its peer info, {@code username} and {@code password} (the runner moves
     * the password into a file for {@code via-file}). Admit the client only when the outcome is
     * {@link EventOutcome#allowed() allowed}. The password leaves no trace in this session's
     * variables once the event is built.
     */
    public synchronized CompletionStage<EventOutcome> userPassVerify(PeerFacts peer, Map<String, String> peerInfo,
                                                                      String username, String password) {
        commonName = peer.commonName();
        env.setAll(Environments.peer(peer));
        env.setAll(peerInfo);
        env.set("username", username);
        env.set("script_type", TunnelEventType.USER_PASS_VERIFY.scriptType());
        Map<String, String> variables = new java.util.LinkedHashMap<>(env.snapshot());
        variables.put("password", password);
        TunnelEvent event = new TunnelEvent(TunnelEventType.USER_PASS_VERIFY, instance.dispatcher().instance(),
                List.of(), variables);
        return lane.dispatch(event).toCompletableFuture().copy();
    }

    /**
     * The routing table changed for this client (multi.c {@code learn_address_script}):
     * {@code add} and {@code update} run {@code learn-address <op> <address> <common name>} with
     * the client's variables, and the address is to be learned only when the outcome is
     * {@link EventOutcome#allowed() allowed}; {@code delete} is
     * {@link InstanceEvents#learnAddressDelete}.
     *
     * @param operation {@code add}, {@code update} or {@code delete} ({@code RouteChange.Kind.operation()})
     * @param address   as {@code RouteKey.toString()} prints it
     */
    public CompletionStage<EventOutcome> learnAddress(String operation, String address) {
        if (operation.equals("delete")) {
            return instance.learnAddressDelete(address);
        }
        synchronized (this) {
            return dispatch(null, TunnelEventType.LEARN_ADDRESS, List.of(operation, address, commonName));
        }
    }

    /**
     * The client's session ended (multi.c {@code multi_client_disconnect_script}): sets
     * {@code trusted_*}, {@code bytes_received}, {@code bytes_sent}, {@code time_duration} and
     * runs {@code client-disconnect} without arguments, but only if {@code client-connect} let the
     * client in, as OpenVPN does.
     */
    public synchronized CompletionStage<EventOutcome> clientDisconnect(DisconnectFacts facts) {
        CompletableFuture<EventOutcome> connected = connect;
        if (connected == null) {
            return CompletableFuture.completedFuture(EventOutcome.nothing(TunnelEventType.CLIENT_DISCONNECT));
        }
        env.setAll(Environments.clientDisconnect(facts));
        env.set("script_type", TunnelEventType.CLIENT_DISCONNECT.scriptType());
        TunnelEvent event = new TunnelEvent(TunnelEventType.CLIENT_DISCONNECT, instance.dispatcher().instance(),
                List.of(), env.snapshot());
        return connected.thenCompose(c -> c.allowed() ? lane.dispatch(event)
                : CompletableFuture.completedFuture(EventOutcome.nothing(TunnelEventType.CLIENT_DISCONNECT)));
    }

    private CompletableFuture<EventOutcome> dispatch(EventDispatcher.Lane via, TunnelEventType type,
                                                     List<String> arguments) {
        env.set("script_type", type.scriptType());
        TunnelEvent event = new TunnelEvent(type, instance.dispatcher().instance(), arguments, env.snapshot());
        CompletionStage<EventOutcome> stage = via == null ? instance.dispatcher().dispatch(event) : via.dispatch(event);
        return stage.toCompletableFuture();
    }
}
