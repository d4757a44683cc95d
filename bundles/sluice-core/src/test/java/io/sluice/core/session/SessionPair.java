package io.sluice.core.session;

import io.sluice.core.control.ControlRejectCounters;
import io.sluice.core.control.KeyMethod2Message;
import io.sluice.core.reliable.ReliableConstants;
import io.sluice.core.time.FakeClock;
import io.sluice.core.tls.TestPki;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.RejectCounters;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A server and a client control session talking over an in-memory wire that can drop,
 * duplicate and reorder packets (deterministically, from a seed), on a fake clock.
 */
final class SessionPair {

    /** What one side's listener saw. */
    static final class Events implements ControlSession.Listener {
        final List<KeyState> active = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<KeyState> retired = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<KeyMethod2Message> keyMethods = new ArrayList<>();
        final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
        final String options;
        Optional<String> refuse = Optional.empty();

        Events(String options) {
            this.options = options;
        }

        @Override
        public void transmit(ByteBuffer packet) {
            byte[] copy = new byte[packet.remaining()];
            packet.get(copy);
            outbox.add(copy);
        }

        @Override
        public ControlSession.LocalKeyMethod localKeyMethod(KeyState key) {
            return new ControlSession.LocalKeyMethod(options, Optional.of("alice"), Optional.of("secret"),
                    Optional.of("IV_VER=2.6.14\nIV_PROTO=990\n"));
        }

        @Override
        public Optional<String> keyMethodReceived(KeyState key, KeyMethod2Message message) {
            keyMethods.add(message);
            return refuse;
        }

        @Override
        public void keyActive(KeyState key) {
            active.add(key);
        }

        @Override
        public void keyFailed(KeyState key, String reason) {
            failures.add(reason);
        }

        @Override
        public void keyRetired(KeyState key) {
            retired.add(key);
        }

        @Override
        public void controlText(KeyState key, String text) {
            texts.add(text);
        }
    }

    static final TestPki PKI = new TestPki();
    static final TestPki.Authority CA = PKI.root("Sluice Test CA");

    final FakeClock clock = new FakeClock();
    final Events serverEvents = new Events("V4,dev-type tun,tls-server");
    final Events clientEvents = new Events("V4,dev-type tun,tls-client");
    final ControlSession server;
    ControlSession client;
    private final ControlCodec serverCodec = ControlCodec.plain(new RejectCounters());
    private final ControlCodec clientCodec = ControlCodec.plain(new RejectCounters());
    private final Random wire;
    private final double loss;
    private final SessionSettings clientSettings;

    SessionPair(long seed, double loss) {
        this(seed, loss, PKI.issue(CA, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT), CA);
    }

    SessionPair(long seed, double loss, TestPki.Issued clientCert, TestPki.Authority clientsCa) {
        this.wire = new Random(seed);
        this.loss = loss;
        SecureRandom random = new SecureRandom();
        Clock certificateClock = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);
        TestPki.Issued serverCert = PKI.issue(CA, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings serverTls = TlsSettings.builder("server").trustAnchors(List.of(CA.certificate()))
                .credentials(serverCert.chain(), serverCert.key()).build();
        TlsSettings clientTls = TlsSettings.builder("client").trustAnchors(List.of(clientsCa.certificate()))
                .credentials(clientCert.chain(), clientCert.key()).build();
        server = ControlSession.server(SessionSettings.defaults(SessionRole.SERVER,
                TlsEndpointFactory.server(serverTls, certificateClock, random), random), serverCodec, serverEvents,
                new ControlRejectCounters());
        clientSettings = SessionSettings.defaults(SessionRole.CLIENT,
                TlsEndpointFactory.client(clientTls, certificateClock, random), random);
    }

    /** Starts the client: its first reset goes on the wire. */
    SessionPair start() {
        client = ControlSession.client(clientSettings, clientCodec, clientEvents, new ControlRejectCounters(),
                clock.nanos());
        return this;
    }

    /**
     * Runs the wire until nothing is in flight and no timer is due within {@code horizonNanos},
     * advancing the fake clock to each timer. Returns the number of packets delivered.
     */
    int run(long horizonNanos) {
        long end = clock.nanos() + horizonNanos;
        int delivered = 0;
        for (int guard = 0; guard < 100_000; guard++) {
            if (!serverEvents.outbox.isEmpty() || !clientEvents.outbox.isEmpty()) {
                delivered += deliver(clientEvents.outbox, server, serverCodec);
                delivered += deliver(serverEvents.outbox, client, clientCodec);
                continue;
            }
            long now = clock.nanos();
            long next = earliest(server.nextWakeup(now), client.nextWakeup(now));
            if (next == ReliableConstants.NEVER || next - end > 0) {
                clock.set(Math.max(now, end));
                server.tick(clock.nanos());
                client.tick(clock.nanos());
                if (serverEvents.outbox.isEmpty() && clientEvents.outbox.isEmpty()) {
                    return delivered;
                }
                continue;
            }
            if (next - now > 0) {
                clock.set(next);
            }
            server.tick(clock.nanos());
            client.tick(clock.nanos());
        }
        throw new AssertionError("the sessions never went quiet");
    }

    private int deliver(ArrayDeque<byte[]> outbox, ControlSession to, ControlCodec codec) {
        List<byte[]> batch = new ArrayList<>(outbox);
        outbox.clear();
        if (loss > 0 && batch.size() > 1 && wire.nextDouble() < loss) {
            java.util.Collections.swap(batch, 0, batch.size() - 1); // reorder
        }
        int n = 0;
        for (byte[] bytes : batch) {
            if (loss > 0 && wire.nextDouble() < loss) {
                continue; // lost
            }
            int copies = loss > 0 && wire.nextDouble() < loss ? 2 : 1; // duplicated
            for (int i = 0; i < copies; i++) {
                Decoded<ControlMessage> decoded = codec.decode(ByteBuffer.wrap(bytes));
                if (decoded.isOk()) {
                    to.receive(decoded.value(), clock.nanos());
                    n++;
                }
            }
        }
        return n;
    }

    private static long earliest(long a, long b) {
        if (a == ReliableConstants.NEVER) {
            return b;
        }
        if (b == ReliableConstants.NEVER) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }
}
