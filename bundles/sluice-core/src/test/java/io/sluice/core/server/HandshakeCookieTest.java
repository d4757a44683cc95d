package io.sluice.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.wire.SessionId;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stateless start's session id: bound to the client's address, port and session, and to time. */
class HandshakeCookieTest {

    private static final long SECOND = 1_000_000_000L;
    /** hand-window 60: slots of 30 s. */
    private static final long SLOT = 30 * SECOND;
    private static final SessionId CLIENT = SessionId.fromHex("0123456789abcdef");
    private static final InetSocketAddress FROM = new InetSocketAddress("198.18.0.2", 40000);

    private final HandshakeCookie cookie = new HandshakeCookie(Duration.ofSeconds(60), new SecureRandom());

    @Test
    void anEchoIsValidFromTwoSlotsBeforeToOneSlotAfterTheOneItWasIssuedIn() {
        long issuedAt = 1000 * SLOT + 5 * SECOND;
        SessionId id = cookie.issue(CLIENT, FROM, issuedAt);
        assertTrue(id.isDefined());
        assertEquals(id, cookie.issue(CLIENT, FROM, issuedAt + 20 * SECOND), "the same slot gives the same id");
        assertTrue(cookie.valid(id, CLIENT, FROM, issuedAt));
        assertTrue(cookie.valid(id, CLIENT, FROM, issuedAt + SLOT));
        assertTrue(cookie.valid(id, CLIENT, FROM, issuedAt + 2 * SLOT), "at least one hand window to answer");
        assertFalse(cookie.valid(id, CLIENT, FROM, issuedAt + 3 * SLOT), "too late");
        assertTrue(cookie.valid(id, CLIENT, FROM, issuedAt - SLOT));
        assertFalse(cookie.valid(id, CLIENT, FROM, issuedAt - 2 * SLOT));
    }

    @Test
    void anEchoFromAnotherAddressPortOrClientSessionIsInvalid() {
        long now = 77 * SECOND;
        SessionId id = cookie.issue(CLIENT, FROM, now);
        assertFalse(cookie.valid(id, CLIENT, new InetSocketAddress("198.18.0.3", 40000), now));
        assertFalse(cookie.valid(id, CLIENT, new InetSocketAddress("198.18.0.2", 40001), now));
        assertFalse(cookie.valid(id, new SessionId(CLIENT.value() + 1), FROM, now));
        assertFalse(cookie.valid(new SessionId(id.value() ^ 0x100), CLIENT, FROM, now));
        InetSocketAddress v6 = new InetSocketAddress("fd18::2", 40000);
        SessionId v6Id = cookie.issue(CLIENT, v6, now);
        assertTrue(cookie.valid(v6Id, CLIENT, v6, now));
        assertNotEquals(id, v6Id);
    }

    @Test
    void anotherServerDoesNotAcceptOurCookies() {
        HandshakeCookie other = new HandshakeCookie(Duration.ofSeconds(60), new SecureRandom());
        long now = 5 * SECOND;
        assertFalse(other.valid(cookie.issue(CLIENT, FROM, now), CLIENT, FROM, now), "the key is the server's own");
    }

    @Test
    void aShortHandWindowStillGivesWholeSecondSlots() {
        HandshakeCookie quick = new HandshakeCookie(Duration.ofSeconds(1), new SecureRandom());
        SessionId id = quick.issue(CLIENT, FROM, 10 * SECOND);
        assertTrue(quick.valid(id, CLIENT, FROM, 12 * SECOND));
        assertFalse(quick.valid(id, CLIENT, FROM, 13 * SECOND));
    }
}
