package io.sluice.bench.handshake;

import io.sluice.api.transport.TransportProtocol;
import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.TunRequest;
import io.sluice.config.CompatMode;
import io.sluice.core.client.AuthRetry;
import io.sluice.core.client.ClientInstance;
import io.sluice.core.client.ClientSettings;
import io.sluice.core.client.RemoteSpec;
import io.sluice.core.control.PullFilters;
import io.sluice.core.engine.Platform;
import io.sluice.core.engine.Prompt;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.events.InstanceEvents;
import io.sluice.crypto.jce.JceCipherProvider;
import io.sluice.crypto.jce.JceDigestProvider;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.pushed.ConnectRetry;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.server.ServerSettings;
import io.sluice.core.time.Clock;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.wire.ControlProtectionSpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The generator's process, started by the harness inside the client namespace:
 * {@code HandshakeLoadMain SERVER PORT CA CERT KEY SESSIONS CONCURRENCY HOLD_SECONDS}. Every
 * session is a whole Sluice client (UDP, AES-256-GCM, the lab's client certificate) as
 * bin/sluice would run it, but with a {@link DiscardTun}.
 *
 * <p>Once all sessions are up it prints one {@link HandshakeResult} line and {@link #HOLDING}
 * with their number, keeps them (and their keepalive pings) for {@code HOLD_SECONDS}, prints
 * {@link #HELD}, and closes them; the harness reads the server's memory and CPU at those lines.
 */
public final class HandshakeLoadMain {

    /** Far above a handshake's time on a busy machine; a session that takes longer failed. */
    private static final Duration SESSION_LIMIT = Duration.ofSeconds(30);

    /** Control threads the sessions share (each session keeps to one): the machine's cores, at least 2. */
    private static final int CONTROL_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Printed, with {@code sessions=N}, once every session is connected and holding starts. */
    public static final String HOLDING = "holding:";
    /** Printed when the holding time is over. */
    public static final String HELD = "held:";

    private HandshakeLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: HandshakeLoadMain SERVER PORT CA CERT KEY SESSIONS CONCURRENCY HOLD_SECONDS");
            System.exit(2);
        }
        String server = args[0];
        int port = Integer.parseInt(args[1]);
        TlsSettings tls = TlsSettings.builder("client")
                .trustAnchors(PemFiles.certificates(Path.of(args[2])))
                .credentials(PemFiles.certificates(Path.of(args[3])), PemFiles.privateKey(Path.of(args[4])))
                .build();
        int sessions = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        int holdSeconds = Integer.parseInt(args[7]);

        // One selector thread for every session's socket and a few shared control threads: with a
        // thread or two per session, 10,000 sessions would make the generator what is measured.
        Platform platform = new Platform(CryptoProviders.of(JceCipherProvider.standalone(),
                JceDigestProvider.standalone()), new DiscardTun(), Optional.of(new SharedSelectorUdp()),
                Optional.empty(), Optional.empty(), Optional.empty());
        List<ScheduledExecutorService> controls = new ArrayList<>();
        for (int i = 0; i < CONTROL_THREADS; i++) {
            int k = i;
            controls.add(Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "generator-control-" + k);
                t.setDaemon(true);
                return t;
            }));
        }
        // Warnings only: a thousand sessions' info lines would cost more than their handshakes.
        TunnelLog log = TunnelLog.forVerb(1);
        SecureRandom random = new SecureRandom();
        AtomicInteger n = new AtomicInteger();
        HandshakeLoad.Sessions factory = () -> {
            int i = n.incrementAndGet();
            String name = "load-" + i;
            ClientInstance c = new ClientInstance(settings(name, server, port, tls), platform, log, Clock.system(),
                    java.time.Clock.systemUTC(), random, Prompt.NONE, InstanceEvents.none(name, log),
                    Optional.of(controls.get(i % CONTROL_THREADS)));
            c.start();
            return c;
        };
        HandshakeLoad load = new HandshakeLoad(factory, sessions, concurrency, SESSION_LIMIT);
        HandshakeResult result = load.run();
        System.out.println(result.toLine());
        List<ClientInstance> up = load.kept();
        System.out.println(HOLDING + " sessions=" + up.size());
        Thread.sleep(holdSeconds * 1000L);
        long stillUp = up.stream().filter(ClientInstance::connected).count();
        System.out.println(HELD + " connected=" + stillUp);
        up.parallelStream().forEach(ClientInstance::close);
        System.exit(0);
    }

    /** What the interop tests' client configuration amounts to: UDP, AES-256-GCM, no retries to speak of. */
    private static ClientSettings settings(String name, String server, int port, TlsSettings tls) {
        return new ClientSettings(name, List.of(RemoteSpec.of(server, port, TransportProtocol.UDP)), false,
                ConnectRetry.DEFAULT, Duration.ofSeconds(10), false,
                new TunRequest(Optional.empty(), DeviceType.TUN, 1500),
                LocalRouting.builder().build(), false, Optional.empty(), AuthRetry.NONE, false, List.of("AES-256-GCM"),
                Optional.empty(), "SHA1", Duration.ZERO, Duration.ZERO, Duration.ZERO, PullFilters.NONE, 64, 15, tls,
                ControlProtectionSpec.NONE, CompatMode.NONE, ServerSettings.SessionTimings.defaults(),
                io.sluice.core.tunnel.PayloadSettings.DEFAULTS);
    }
}
