package io.sluice.bench.lab;

import io.sluice.itests.net.Iperf3;
import io.sluice.itests.net.Iperf3Result;
import io.sluice.itests.net.PingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Takes every figure of the plan once on one tunnel, handing each to {@code sink} as soon as it
 * is known (so a failure late in the list keeps what came before).
 *
 * <p>iperf3's server runs in the server's namespace on the tunnel address, its client in the
 * client's; "server → client" is iperf3's reverse mode. Server CPU is read around the TCP runs
 * only, whose byte counts are exact, and divided by the bytes the receiver got.
 */
final class TunnelMeasurements {

    private static final double GB = 1e9;

    private final BenchPlan plan;
    private final TunnelSession tunnel;
    private final BiConsumer<Metric, Double> sink;
    private double serverCpuSeconds;
    private long tcpBytes;

    TunnelMeasurements(BenchPlan plan, TunnelSession tunnel, BiConsumer<Metric, Double> sink) {
        this.plan = plan;
        this.tunnel = tunnel;
        this.sink = sink;
    }

    void run() throws InterruptedException {
        iperf(Iperf3.tcp(Duration.ofSeconds(plan.warmupSeconds())));
        for (int streams : plan.streams()) {
            for (boolean download : List.of(false, true)) {
                Iperf3 run = Iperf3.tcp(Duration.ofSeconds(plan.seconds())).parallel(streams);
                double before = ProcessTree.cpuSeconds(tunnel.server.handle());
                Iperf3Result r = iperf(download ? run.reverse() : run);
                serverCpuSeconds += ProcessTree.cpuSeconds(tunnel.server.handle()) - before;
                tcpBytes += r.receivedBytes();
                sink.accept(Metric.tcp(streams, download), r.receivedMbitPerSecond());
            }
        }
        sink.accept(Metric.SERVER_CPU_PER_GB, serverCpuSeconds / (tcpBytes / GB));

        Iperf3Result udp = iperf(Iperf3.udp(Duration.ofSeconds(plan.seconds()), plan.udpMegabits() * 1_000_000));
        sink.accept(Metric.udpReceived(plan.udpMegabits()), udp.receivedMbitPerSecond());
        sink.accept(Metric.udpLoss(plan.udpMegabits()), udp.lostPercent());

        sink.accept(Metric.PING_IDLE, medianRtt(ping()));
        sink.accept(Metric.PING_LOADED, medianRtt(pingUnderLoad()));
    }

    private Iperf3Result iperf(Iperf3 run) throws InterruptedException {
        return run.run(tunnel.lab, tunnel.serverNs, TunnelSession.SERVER_TUN, tunnel.clientNs);
    }

    private PingResult ping() {
        // 0.2 s apart; the deadline leaves room for a few late replies.
        Duration deadline = Duration.ofMillis(plan.pings() * 200L + 3000);
        return tunnel.lab.ping(tunnel.clientNs, TunnelSession.SERVER_TUN, plan.pings(), deadline);
    }

    /**
     * Pings while one TCP stream fills the tunnel client → server, as a bulk upload does to an
     * interactive session. The stream starts first and outlasts the pings by a second or more.
     */
    private PingResult pingUnderLoad() throws InterruptedException {
        long loadSeconds = (plan.pings() * 200L + 999) / 1000 + 3;
        CompletableFuture<Iperf3Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return iperf(Iperf3.tcp(Duration.ofSeconds(loadSeconds)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        Thread.sleep(1500); // iperf3's server start and TCP slow start
        PingResult pings = ping();
        try {
            load.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load under the pings failed: " + e.getCause(), e.getCause());
        }
        return pings;
    }

    private static double medianRtt(PingResult ping) {
        List<Double> rtts = new ArrayList<>(ping.rttsMillis());
        if (rtts.isEmpty()) {
            throw new IllegalStateException("no echo reply through the tunnel: " + ping);
        }
        return Summary.medianOf(rtts);
    }
}
