package io.sluice.bench.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run measures and for how long.
 *
 * @param mode "quick" or "full", which names the results file
 * @param transports the tunnel transports, each with all four pairings
 * @param streams the iperf3 TCP stream counts, each run in both directions
 * @param repetitions how many times every pairing is measured; medians are over these
 * @param seconds the length of each iperf3 run
 * @param udpMegabits the fixed rate UDP is offered at, below the reference's TCP throughput on
 *        ordinary hardware, so that loss says something about the tunnel and not the link
 * @param pings echo requests per latency figure (0.2 s apart)
 * @param warmupSeconds an unrecorded TCP run on every fresh tunnel first, so that a JVM's first
 *        seconds (interpreted, then compiling) are not what is measured: a fresh Sluice process
 *        still spends about a third of a core in its C2 compiler threads 10 s after its tunnel
 *        came up under load (seen with top -H on both ends of Sluice → Sluice), so a 1 s warm-up
 *        measured two JVMs compiling as much as two tunnels; 5 s in quick mode, 8 s in full
 * @param loadSessions sessions the load generator brings up and holds, against each server
 * @param handshakeConcurrency how many of them are in their handshake at once
 * @param holdSeconds how long it holds them all; the server's idle CPU is measured over this time
 */
record BenchPlan(String mode, List<Transport> transports, List<Integer> streams, int repetitions, int seconds,
                 long udpMegabits, int pings, int warmupSeconds, int loadSessions, int handshakeConcurrency,
                 int holdSeconds) {

    /** The load generator is Sluice's client engine: its servers are the columns. */
    static final List<Pairing> LOAD_COLUMNS = List.of(Pairing.SLUICE_TO_OPENVPN, Pairing.SLUICE_TO_SLUICE);

    /** Under five minutes on 2 busy cores: UDP transport, one stream, two short repetitions, 40 sessions. */
    static BenchPlan quick() {
        return new BenchPlan("quick", List.of(Transport.UDP), List.of(1), 2, 3, 100, 10, 5, 40, 8, 3);
    }

    /** Both transports, 1 and 4 streams, five repetitions of 10 s, 1,000 sessions: about 1.5 hours on 2 cores. */
    static BenchPlan full() {
        return new BenchPlan("full", List.of(Transport.UDP, Transport.TCP), List.of(1, 4), 5, 10, 200, 50, 8,
                1000, 16, 20);
    }

    /**
     * Only the handshake and scale figures, with {@code sessions} sessions held for 30 s, 32 in
     * their handshake at once: the scale target (10,000 sessions; run the Sluice server with
     * {@code SLUICE_JAVA_OPTS=-Xmx1g} to hold it to a 1 GB heap).
     */
    static BenchPlan scale(int sessions) {
        return new BenchPlan("scale", List.of(), List.of(), 1, 1, 100, 0, 0, sessions, 32, 30);
    }

    BenchPlan withRepetitions(int n) {
        return new BenchPlan(mode, transports, streams, n, seconds, udpMegabits, pings, warmupSeconds, loadSessions,
                handshakeConcurrency, holdSeconds);
    }

    BenchPlan withSeconds(int s) {
        return new BenchPlan(mode, transports, streams, repetitions, s, udpMegabits, pings, warmupSeconds, loadSessions,
                handshakeConcurrency, holdSeconds);
    }

    /** The tables: one per transport with the tunnel figures, then the handshakes. */
    List<Section> sections() {
        List<Section> s = new ArrayList<>();
        for (Transport t : transports) {
            s.add(new Section(t.label(), t, tunnelMetrics(), List.of(Pairing.values()), Pairing.REFERENCE));
        }
        s.add(new Section("Handshakes and scale (UDP transport, Sluice's client engine as the load generator)",
                Transport.UDP, loadMetrics(), LOAD_COLUMNS, Pairing.SLUICE_TO_OPENVPN));
        return s;
    }

    List<Metric> loadMetrics() {
        return List.of(Metric.handshakeRate(loadSessions, handshakeConcurrency), Metric.HANDSHAKE_P50,
                Metric.HANDSHAKE_P90, Metric.HANDSHAKE_P99, Metric.SERVER_CPU_PER_HANDSHAKE,
                Metric.scaleMemory(loadSessions), Metric.scaleCpu(loadSessions));
    }

    /** A tunnel table's rows, in order. */
    List<Metric> tunnelMetrics() {
        List<Metric> m = new ArrayList<>();
        for (int s : streams) {
            m.add(Metric.tcp(s, false));
            m.add(Metric.tcp(s, true));
        }
        m.add(Metric.udpReceived(udpMegabits));
        m.add(Metric.udpLoss(udpMegabits));
        m.add(Metric.PING_IDLE);
        m.add(Metric.PING_LOADED);
        m.add(Metric.SERVER_CPU_PER_GB);
        return m;
    }
}
