package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;

/** Runs server and client endpoints against each other in memory. */
final class Handshakes {

    static final Clock CLOCK = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshakes() {
    }

    static TlsEndpoint server(TlsSettings settings) {
        return TlsEndpointFactory.server(settings, CLOCK, RANDOM).newEndpoint();
    }

    static TlsEndpoint client(TlsSettings settings) {
        return TlsEndpointFactory.client(settings, CLOCK, RANDOM).newEndpoint();
    }

    /**
     * Moves bytes between the two until neither has anything to send; fails if that never
     * happens (a ping-pong loop would be a bug).
     */
    static void pump(TlsEndpoint a, TlsEndpoint b) {
        for (int round = 0; round < 50; round++) {
            byte[] ab = a.takeOutput();
            if (ab.length > 0) {
                b.receive(ab);
            }
            byte[] ba = b.takeOutput();
            if (ba.length > 0) {
                a.receive(ba);
            }
            if (ab.length == 0 && ba.length == 0) {
                return;
            }
        }
        fail("endpoints kept exchanging bytes: " + a + " / " + b);
    }

    /** Like {@link #pump} but delivering one byte at a time, as a worst-case packetisation. */
    static void pumpBytewise(TlsEndpoint a, TlsEndpoint b) {
        for (int round = 0; round < 50; round++) {
            byte[] ab = a.takeOutput();
            for (byte x : ab) {
                b.receive(new byte[] {x});
            }
            byte[] ba = b.takeOutput();
            for (byte x : ba) {
                a.receive(new byte[] {x});
            }
            if (ab.length == 0 && ba.length == 0) {
                return;
            }
        }
        fail("endpoints kept exchanging bytes");
    }
}
