package io.sluice.core.events;

import io.sluice.api.auth.AuthRequest;
import io.sluice.api.auth.AuthResult;
import io.sluice.api.auth.UserAuthenticator;
import io.sluice.core.log.TunnelLog;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The authentication backends a server asks about usernames and passwords: the
 * {@link UserAuthenticator} services its configuration names with {@code plugin NAME}, in the
 * order of those lines. As with OpenVPN's plugins, every one of them must accept the user
 * (plugin.c calls each plugin's {@code PLUGIN_AUTH_USER_PASS_VERIFY} in turn).
 *
 * <p>Backends are looked up by name for each login, so one installed, replaced or removed while
 * the server runs is used, or missed, from the next login on; a backend that is missing refuses
 * the login with a log line naming it. A backend that throws, answers late or fails its deferred
 * answer refuses the login too. Backends are called on the events' threads, never on a network
 * or control thread.
 */
public final class AuthBackends {

    /** No {@code plugin} line: usernames and passwords are not checked by any backend. */
    public static final AuthBackends NONE = new AuthBackends(List.of(), name -> Optional.empty(), Runnable::run,
            Duration.ofSeconds(60), null);

    /**
     * What the backends decided.
     *
     * @param accepted          every backend accepted the user
     * @param reason            why not, for the server's log; empty when accepted
     * @param clientReason      what the client is told after {@code AUTH_FAILED,}, if a backend said so
     * @param framedAddress     an IPv4 tunnel address a backend gave the user (the last one given)
     * @param framedIpv6Address an IPv6 tunnel address a backend gave the user (the last one given)
     * @param push              options the backends want pushed to this client, in order
     */
    public record Decision(boolean accepted, String reason, Optional<String> clientReason,
                           Optional<Inet4Address> framedAddress, Optional<Inet6Address> framedIpv6Address,
                           List<String> push) {
        public Decision {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientReason, "clientReason");
            Objects.requireNonNull(framedAddress, "framedAddress");
            Objects.requireNonNull(framedIpv6Address, "framedIpv6Address");
            push = List.copyOf(push);
        }

        static Decision refused(String reason, Optional<String> clientReason) {
            return new Decision(false, reason, clientReason, Optional.empty(), Optional.empty(), List.of());
        }
    }

    private final List<String> names;
    private final Function<String, Optional<UserAuthenticator>> lookup;
    private final Executor executor;
    private final Duration timeLimit;
    private final TunnelLog log;

    /**
     * @param names     the backends' names ({@code plugin} lines), in order
     * @param lookup    the best-ranked service with that {@link UserAuthenticator#NAME}, now
     * @param executor  where backends are called
     * @param timeLimit how long one backend may take, deferred answers included
     */
    public AuthBackends(List<String> names, Function<String, Optional<UserAuthenticator>> lookup, Executor executor,
                        Duration timeLimit, TunnelLog log) {
        this.names = List.copyOf(names);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.log = log;
    }

    /** Whether any backend is named: then a client must send a username and password. */
    public boolean configured() {
        return !names.isEmpty();
    }

    /** The names, in order. */
    public List<String> names() {
        return names;
    }

    /** Asks every backend in turn; the first refusal ends it. Never completes exceptionally. */
    public CompletionStage<Decision> authenticate(AuthRequest request) {
        CompletableFuture<Decision> chain = CompletableFuture.completedFuture(
                new Decision(true, "", Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        for (String name : names) {
            chain = chain.thenCompose(sofar -> sofar.accepted() ? ask(name, request)
                    .thenApply(next -> merge(sofar, next)) : CompletableFuture.completedFuture(sofar));
        }
        return chain;
    }

    private CompletableFuture<Decision> ask(String name, AuthRequest request) {
        Optional<UserAuthenticator> backend = lookup.apply(name);
        if (backend.isEmpty()) {
            return CompletableFuture.completedFuture(Decision.refused("authentication backend '" + name
                    + "' is not installed", Optional.empty()));
        }
        return CompletableFuture.supplyAsync(() -> backend.get().authenticate(request), executor)
                .thenCompose(AuthBackends::settle)
                .orTimeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, error) -> decide(name, result, error));
    }

    /** A deferred answer, once it has come; a deferred answer to a deferred answer is a refusal. */
    private static CompletionStage<AuthResult> settle(AuthResult result) {
        if (result instanceof AuthResult.Deferred d) {
            return d.decision().thenApply(r -> r instanceof AuthResult.Deferred
                    ? AuthResult.reject("a deferred answer was deferred again") : r);
        }
        return CompletableFuture.completedFuture(result);
    }

    private Decision decide(String name, AuthResult result, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            String why = cause instanceof java.util.concurrent.TimeoutException
                    ? "no answer within " + timeLimit.toSeconds() + " s" : cause.toString();
            if (log != null) {
                log.warn("authentication backend '" + name + "' failed: " + why);
            }
            return Decision.refused("authentication backend '" + name + "' failed: " + why, Optional.empty());
        }
        if (result instanceof AuthResult.Accept a) {
            return new Decision(true, "", Optional.empty(), a.framedAddress(), a.framedIpv6Address(), a.pushOptions());
        }
        if (!(result instanceof AuthResult.Reject r)) {
            return Decision.refused("authentication backend '" + name + "' answered nothing", Optional.empty());
        }
        return Decision.refused("authentication backend '" + name + "' refused: " + r.reason(), r.clientReason());
    }

    private static Decision merge(Decision sofar, Decision next) {
        if (!next.accepted()) {
            return next;
        }
        List<String> push = new ArrayList<>(sofar.push());
        push.addAll(next.push());
        return new Decision(true, "", Optional.empty(), next.framedAddress().or(sofar::framedAddress),
                next.framedIpv6Address().or(sofar::framedIpv6Address), push);
    }
}
