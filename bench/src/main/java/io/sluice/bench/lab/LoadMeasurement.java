package io.sluice.bench.lab;

import io.sluice.bench.handshake.HandshakeLoadMain;
import io.sluice.bench.handshake.HandshakeResult;
import io.sluice.itests.net.NsProcess;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One load-generator run against one server, giving the handshake and the scale figures: the
 * generator brings the plan's number of sessions up, a fixed number in their handshake at once,
 * then holds them all with the server's keepalive (ping 2) going for a while.
 *
 * <p>Server CPU is read around the handshakes (generator start to all up, which includes the
 * generator's own start-up, when the server is idle) and around the holding time; its resident
 * memory before the generator starts and once all sessions are up.
 */
final class LoadMeasurement {

    private static final Pattern HOLDING =
            Pattern.compile(Pattern.quote(HandshakeLoadMain.HOLDING) + " sessions=(\\d+)");
    private static final Pattern HELD =
            Pattern.compile(Pattern.quote(HandshakeLoadMain.HELD) + " connected=(\\d+)");

    private LoadMeasurement() {
    }

    static void run(BenchPlan plan, Pairing pairing, int repetition, Results results) throws InterruptedException {
        Transport t = Transport.UDP;
        int sessions = plan.loadSessions();
        try (LoadLab lab = LoadLab.open("bench-load-" + pairing.slug() + "-r" + repetition, pairing.server)) {
            ProcessHandle server = lab.server.handle();
            long rssBefore = ProcessTree.rssBytes(server);
            double cpuStart = ProcessTree.cpuSeconds(server);
            NsProcess load = lab.startGenerator(sessions, plan.handshakeConcurrency(), plan.holdSeconds());
            int up = Integer.parseInt(load.awaitMatch(HOLDING, Duration.ofSeconds(60 + sessions)).group(1));
            double cpuHandshakes = ProcessTree.cpuSeconds(server) - cpuStart;
            long rssHolding = ProcessTree.rssBytes(server);
            double cpuHoldStart = ProcessTree.cpuSeconds(server);
            Matcher held = load.awaitMatch(HELD, Duration.ofSeconds(30 + plan.holdSeconds()));
            double cpuHolding = ProcessTree.cpuSeconds(server) - cpuHoldStart;
            HandshakeResult r = HandshakeResult.parse(load.awaitLine(
                    Pattern.compile(Pattern.quote(HandshakeResult.PREFIX)), Duration.ofSeconds(5)));
            OptionalInt exit = load.waitFor(Duration.ofSeconds(60));
            if (exit.isEmpty() || exit.getAsInt() != 0) {
                load.stop();
                throw new IllegalStateException("the load generator did not end cleanly\n" + load.tail(20));
            }
            int stillUp = Integer.parseInt(held.group(1));
            if (r.failed() > 0 || stillUp < up) {
                results.fail("Load, " + pairing.label() + ", repetition " + repetition + ": " + up + " of " + sessions
                        + " sessions came up, " + stillUp + " were still up after holding");
            }
            if (up == 0) {
                throw new IllegalStateException("no session came up\n" + load.tail(20));
            }
            results.add(t, Metric.handshakeRate(sessions, plan.handshakeConcurrency()), pairing, r.perSecond());
            results.add(t, Metric.HANDSHAKE_P50, pairing, r.p50Millis());
            results.add(t, Metric.HANDSHAKE_P90, pairing, r.p90Millis());
            results.add(t, Metric.HANDSHAKE_P99, pairing, r.p99Millis());
            results.add(t, Metric.SERVER_CPU_PER_HANDSHAKE, pairing, cpuHandshakes * 1000 / up);
            double thousands = up / 1000.0;
            results.add(t, Metric.scaleMemory(sessions), pairing, (rssHolding - rssBefore) / 1e6 / thousands);
            results.add(t, Metric.scaleCpu(sessions), pairing, cpuHolding / plan.holdSeconds() * 100 / thousands);
        }
    }
}
