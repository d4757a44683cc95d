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
 *        seconds (interpreted, then compiling) are not what is measured
 */
record BenchPlan(String mode, List<Transport> transports, List<Integer> streams, int repetitions, int seconds,
                 long udpMegabits, int pings, int warmupSeconds) {

    /** Under five minutes on 2 cores: UDP transport, one stream, two short repetitions. */
    static BenchPlan quick() {
        return new BenchPlan("quick", List.of(Transport.UDP), List.of(1), 2, 3, 100, 10, 1);
    }

    /** Both transports, 1 and 4 streams, five repetitions of 10 s: about an hour on 2 cores. */
    static BenchPlan full() {
        return new BenchPlan("full", List.of(Transport.UDP, Transport.TCP), List.of(1, 4), 5, 10, 200, 50, 3);
    }

    BenchPlan withRepetitions(int n) {
        return new BenchPlan(mode, transports, streams, n, seconds, udpMegabits, pings, warmupSeconds);
    }

    BenchPlan withSeconds(int s) {
        return new BenchPlan(mode, transports, streams, repetitions, s, udpMegabits, pings, warmupSeconds);
    }

    /** The table's rows, in order. */
    List<Metric> metrics() {
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
