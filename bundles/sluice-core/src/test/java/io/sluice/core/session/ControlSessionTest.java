package io.sluice.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.TestDigests;
import io.sluice.core.tls.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlSessionTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void clientAndServerActivateKeyZeroAndDeriveTheSameKeyBlockWithBothDerivations() throws Exception {
        SessionPair pair = new SessionPair(1, 0).start();
        pair.run(MINUTE);

        assertEquals(1, pair.serverEvents.active.size(), "server key active: " + pair.serverEvents.failures);
        assertEquals(1, pair.clientEvents.active.size(), "client key active: " + pair.clientEvents.failures);
        KeyState serverKey = pair.serverEvents.active.get(0);
        KeyState clientKey = pair.clientEvents.active.get(0);
        assertEquals(0, serverKey.keyId());
        assertEquals(pair.server.localId(), pair.client.remoteId());
        assertEquals(pair.client.localId(), pair.server.remoteId());

        TestDigests digests = new TestDigests();
        for (boolean ekm : new boolean[] {false, true}) {
            Key2 s = serverKey.key2(ekm, digests);
            Key2 c = clientKey.key2(ekm, digests);
            assertArrayEquals(c.toByteArray(), s.toByteArray(), (ekm ? "tls-ekm" : "PRF") + " key blocks differ");
        }
        assertFalse(java.util.Arrays.equals(serverKey.key2(true, digests).toByteArray(), serverKey.key2(false, digests).toByteArray()));
    }

    @Test
    void theServerSeesTheClientsCredentialsPeerInfoAndCertificate() {
        SessionPair pair = new SessionPair(2, 0).start();
        pair.run(MINUTE);
        KeyMethod2Message fromClient = pair.serverEvents.keyMethods.get(0);
        assertEquals(Optional.of("alice"), fromClient.username());
        assertEquals(Optional.of("secret"), fromClient.password());
        assertEquals("V4,dev-type tun,tls-client", fromClient.options());
        assertTrue(fromClient.peerInfo().orElseThrow().contains("IV_PROTO=990"));
        assertEquals(Optional.of("alice"), pair.serverEvents.active.get(0).tlsSession().orElseThrow().peerCommonName());
        assertEquals("V4,dev-type tun,tls-server", pair.clientEvents.keyMethods.get(0).options());
    }

    @Test
    void textMessagesFlowBothWaysOnceTheKeyIsActive() {
        SessionPair pair = new SessionPair(3, 0).start();
        pair.run(MINUTE);
        long now = pair.clock.nanos();
        assertTrue(pair.client.sendText("PUSH_REQUEST", now));
        pair.run(MINUTE);
        assertEquals(List.of("PUSH_REQUEST"), pair.serverEvents.texts);
        assertTrue(pair.server.sendText("PUSH_REPLY,ping 10,ping-restart 60", pair.clock.nanos()));
        assertTrue(pair.server.sendText("AUTH_FAILED", pair.clock.nanos()));
        pair.run(MINUTE);
        assertEquals(List.of("PUSH_REPLY,ping 10,ping-restart 60", "AUTH_FAILED"), pair.clientEvents.texts);
    }

    @Test
    void noTextIsSentBeforeAKeyIsActive() {
        SessionPair pair = new SessionPair(4, 0).start();
        assertFalse(pair.client.sendText("PUSH_REQUEST", pair.clock.nanos()));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void theHandshakeCompletesOverAWireThatDropsDuplicatesAndReorders(long seed) {
        SessionPair pair = new SessionPair(seed, 0.2).start();
        pair.run(5 * MINUTE);
        assertEquals(List.of(), pair.serverEvents.failures);
        assertEquals(1, pair.serverEvents.active.size());
        assertEquals(1, pair.clientEvents.active.size());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eitherSideRenegotiatesAndTheOldKeyRetiresAfterTheTransitionWindow(boolean serverStarts) throws Exception {
        SessionPair pair = new SessionPair(5, 0).start();
        pair.run(MINUTE);
        ControlSession initiator = serverStarts ? pair.server : pair.client;
        KeyState next = initiator.renegotiate(pair.clock.nanos()).orElseThrow();
        assertEquals(1, next.keyId());
        pair.run(Duration.ofSeconds(5).toNanos());

        assertEquals(2, pair.serverEvents.active.size(), "failures: " + pair.serverEvents.failures);
        assertEquals(2, pair.clientEvents.active.size(), "failures: " + pair.clientEvents.failures);
        assertEquals(1, pair.server.primaryKey().orElseThrow().keyId());
        assertEquals(1, pair.client.primaryKey().orElseThrow().keyId());
        assertArrayEquals(pair.clientEvents.active.get(1).key2(true, new TestDigests()).toByteArray(),
                pair.serverEvents.active.get(1).key2(true, new TestDigests()).toByteArray());
        // Key 0 keeps decrypting until the transition window (3600 s) ends, then it is retired on both sides.
        assertTrue(pair.server.key(0).isPresent());
        pair.run(59 * MINUTE);
        assertTrue(pair.serverEvents.retired.isEmpty(), "still within the transition window");
        pair.run(2 * MINUTE);
        assertEquals(0, pair.serverEvents.retired.get(0).keyId());
        assertEquals(0, pair.clientEvents.retired.get(0).keyId());
        assertTrue(pair.server.key(0).isEmpty());
        // Text goes on the new key.
        assertTrue(pair.client.sendText("PUSH_REQUEST", pair.clock.nanos()));
        pair.run(MINUTE);
        assertEquals(List.of("PUSH_REQUEST"), pair.serverEvents.texts);
    }

    @Test
    void keyIdsCycleThroughOneToSevenAfterKeyZero() {
        SessionPair pair = new SessionPair(6, 0).start();
        pair.run(MINUTE);
        int[] seen = new int[9];
        for (int i = 0; i < 9; i++) {
            seen[i] = pair.client.renegotiate(pair.clock.nanos()).orElseThrow().keyId();
            pair.run(Duration.ofSeconds(5).toNanos());
        }
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 1, 2}, seen);
        assertEquals(2, pair.server.primaryKey().orElseThrow().keyId());
        assertEquals(10, pair.serverEvents.active.size(), "every key became active: " + pair.serverEvents.failures);
        // Keys 0 and 1 were still in their transition window when their ids came round again.
        assertTrue(pair.serverEvents.retired.stream().anyMatch(k -> k.keyId() == 1));
    }

    @Test
    void aClientCertificateFromAnotherCaFailsTheServersKeyWithAVerifyError() {
        TestPki.Authority other = SessionPair.PKI.root("Foreign CA");
        TestPki.Issued foreign = SessionPair.PKI.issue(other, "mallory", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        SessionPair pair = new SessionPair(7, 0, foreign, SessionPair.CA).start();
        pair.run(MINUTE);
        assertTrue(pair.serverEvents.active.isEmpty());
        assertEquals(1, pair.serverEvents.failures.size());
        assertTrue(pair.serverEvents.failures.get(0).contains("VERIFY ERROR"), pair.serverEvents.failures.get(0));
        assertTrue(pair.clientEvents.active.isEmpty(), "the client never gets the server's key method 2");
    }

    @Test
    void aRefusedKeyMethodMessageFailsTheKey() {
        SessionPair pair = new SessionPair(8, 0);
        pair.serverEvents.refuse = Optional.of("bad options");
        pair.start().run(MINUTE);
        assertEquals(List.of("bad options"), pair.serverEvents.failures);
        assertTrue(pair.clientEvents.active.isEmpty());
    }

    @Test
    void aClientWhoseServerNeverAnswersFailsWhenTheHandWindowExpires() {
        SessionPair pair = new SessionPair(9, 1.0).start(); // every packet lost
        pair.run(2 * MINUTE);
        assertEquals(1, pair.clientEvents.failures.size());
        assertTrue(pair.clientEvents.failures.get(0).contains("TLS key negotiation failed to occur within 60 seconds"),
                pair.clientEvents.failures.get(0));
    }
}
