package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.auth.AuthRequest;
import io.sluice.api.auth.AuthResult;
import io.sluice.api.auth.UserAuthenticator;
import io.sluice.core.log.TunnelLog;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backends named by {@code plugin} lines decide logins together, whatever they do wrong. */
class AuthBackendsTest {

    private final Map<String, UserAuthenticator> installed = new HashMap<>();

    private AuthBackends backends(Duration limit, String... names) {
        return new AuthBackends(List.of(names), n -> Optional.ofNullable(installed.get(n)),
                Executors.newCachedThreadPool(), limit, TunnelLog.forVerb(3));
    }

    private static AuthRequest login(String user, String password) {
        return new AuthRequest("server", user, password, Optional.of("alice"),
                new InetSocketAddress("198.18.0.2", 40000), Map.of("IV_VER", "2.6.14"));
    }

    private static AuthBackends.Decision decide(AuthBackends b, AuthRequest r) throws Exception {
        return b.authenticate(r).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Inet4Address v4(String a) {
        try {
            return (Inet4Address) InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyNamedBackendMustAcceptAndTheirGiftsAddUp() throws Exception {
        installed.put("local", r -> r.password().equals("right") ? new AuthResult.Accept(Optional.of(v4("10.8.0.50")),
                Optional.empty(), List.of("route 10.1.0.0 255.255.0.0"), Map.of()) : AuthResult.reject("wrong password"));
        installed.put("audit", r -> new AuthResult.Accept(Optional.empty(), Optional.empty(),
                List.of("dhcp-option DNS 10.8.0.1"), Map.of()));
        AuthBackends b = backends(Duration.ofSeconds(5), "local", "audit");
        AuthBackends.Decision yes = decide(b, login("bob", "right"));
        assertTrue(yes.accepted());
        assertEquals(Optional.of(v4("10.8.0.50")), yes.framedAddress());
        assertEquals(List.of("route 10.1.0.0 255.255.0.0", "dhcp-option DNS 10.8.0.1"), yes.push());

        AuthBackends.Decision no = decide(b, login("bob", "wrong"));
        assertFalse(no.accepted());
        assertEquals("authentication backend 'local' refused: wrong password", no.reason());
    }

    @Test
    void aRejectionMayTellTheClientWhy() throws Exception {
        installed.put("local", r -> new AuthResult.Reject("expired", Optional.of("account expired")));
        AuthBackends.Decision d = decide(backends(Duration.ofSeconds(5), "local"), login("bob", "x"));
        assertEquals(Optional.of("account expired"), d.clientReason());
    }

    @Test
    void aMissingBackendRefusesAndOneInstalledLaterIsUsedFromTheNextLoginOn() throws Exception {
        AuthBackends b = backends(Duration.ofSeconds(5), "radius");
        AuthBackends.Decision missing = decide(b, login("bob", "x"));
        assertFalse(missing.accepted());
        assertEquals("authentication backend 'radius' is not installed", missing.reason());
        installed.put("radius", r -> AuthResult.accept());
        assertTrue(decide(b, login("bob", "x")).accepted());
    }

    @Test
    void aThrowingBackendRefusesWithoutEscaping() throws Exception {
        installed.put("local", r -> {
            throw new IllegalStateException("database down");
        });
        AuthBackends.Decision d = decide(backends(Duration.ofSeconds(5), "local"), login("bob", "x"));
        assertFalse(d.accepted());
        assertTrue(d.reason().contains("database down"), d.reason());
    }

    @Test
    void aDeferredAnswerIsAwaitedAndOneThatNeverComesRefusesAfterTheTimeLimit() throws Exception {
        CompletableFuture<AuthResult> later = new CompletableFuture<>();
        installed.put("radius", r -> new AuthResult.Deferred(later));
        AuthBackends b = backends(Duration.ofMillis(300), "radius");
        CompletableFuture<AuthBackends.Decision> pending = b.authenticate(login("bob", "x")).toCompletableFuture();
        Thread.sleep(50);
        later.complete(AuthResult.accept());
        assertTrue(pending.get(5, TimeUnit.SECONDS).accepted());

        installed.put("radius", r -> new AuthResult.Deferred(new CompletableFuture<>()));
        AuthBackends.Decision silent = decide(b, login("bob", "x"));
        assertFalse(silent.accepted());
        assertTrue(silent.reason().contains("no answer within"), silent.reason());
    }

    @Test
    void aBackendAnsweringNullRefuses() throws Exception {
        installed.put("local", r -> null);
        assertFalse(decide(backends(Duration.ofSeconds(5), "local"), login("bob", "x")).accepted());
    }
}
