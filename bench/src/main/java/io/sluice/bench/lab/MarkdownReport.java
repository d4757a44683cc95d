package io.sluice.bench.lab;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results file: the machine, how the figures were taken, and per transport one table with a
 * row per figure and, per pairing, the median with its range and the ratio to the reference.
 */
final class MarkdownReport {

    static final String FAILED = "failed";

    private MarkdownReport() {
    }

    /**
     * @param run facts about the run itself (date, duration, load average), label to value
     */
    static String render(BenchPlan plan, Map<String, String> machine, Map<String, String> run, Results results) {
        StringBuilder md = new StringBuilder();
        md.append("# Sluice tunnel benchmark, ").append(plan.mode()).append(" mode\n\n");
        md.append("Produced by `bench/run --").append(plan.mode())
                .append("`; see the README's Benchmarks section.\n\n");
        md.append("## Machine and run\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        run.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Method\n\n");
        md.append("- Data cipher AES-256-GCM; the same configuration text for both implementations (the interop ")
                .append("tests' routed server on 10.8.0.0/24 with topology subnet, `verb 3`); OpenVPN with ")
                .append("`disable-dco` (kernel TUN, as Sluice).\n");
        md.append("- Each pairing runs in two network namespaces joined by a veth pair; every repetition sets ")
                .append("up a fresh tunnel per pairing, the reference first, so that repetitions interleave.\n");
        md.append(String.format(Locale.ROOT, "- %d repetition(s); iperf3 runs of %d s after an unrecorded %d s TCP ",
                plan.repetitions(), plan.seconds(), plan.warmupSeconds()))
                .append("warm-up; UDP offered at a fixed rate; ")
                .append(plan.pings()).append(" pings 0.2 s apart per latency figure (median RTT of the replies); ")
                .append("the load under the loaded pings is one TCP stream client → server.\n");
        md.append("- Server CPU: utime + stime of the server process (all threads) from /proc around the TCP runs, ")
                .append("per 10^9 bytes received.\n");
        md.append(String.format(Locale.ROOT, "- Handshakes and scale: a load generator, Sluice's client engine "
                + "(whole client sessions over UDP without TUN devices, all in one JVM), brings %d sessions up, %d in "
                + "their handshake at once, and holds them all for %d s with the server's keepalive (ping 2). Time to "
                + "connected is from a session's start to its keys installed and the pushed options applied. Every "
                + "session uses the same client certificate (`duplicate-cn`); both servers' `connect-freq-initial` is "
                + "raised out of the way. Server CPU per session is over the handshakes; memory is the server's "
                + "RSS growth from before the generator started to all sessions up (for a JVM that includes heap "
                + "not yet collected); idle CPU is over the holding time. Server and generator start cold for each "
                + "run, so a Sluice server's figures include its JIT warm-up (compilation also runs during the "
                + "holding time); the more sessions (full mode), the less that weighs.\n",
                plan.loadSessions(), plan.handshakeConcurrency(), plan.holdSeconds()));
        md.append("- Each cell: median (min–max) over the repetitions. \"× ref\" is that median divided by the ")
                .append("median of the table's reference column in this same run (OpenVPN → OpenVPN for the ")
                .append("tunnels, the OpenVPN server for handshakes and scale). For Mbit/s and 1/s more is better; ")
                .append("for ms, % and s/GB less is better. \"—\": no ratio (the reference is 0).\n");
        for (Section section : plan.sections()) {
            table(md, section, results);
        }
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            md.append("\n## Failures\n\n");
            failures.forEach(f -> md.append("- ").append(f.replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Section section, Results results) {
        md.append("\n## ").append(section.heading()).append("\n\n");
        md.append("| Figure | Unit |");
        for (Pairing p : section.columns()) {
            md.append(' ').append(p.label()).append(p == section.reference() ? " (reference)" : "").append(" |");
            if (p != section.reference()) {
                md.append(" × ref |");
            }
        }
        md.append("\n|---|---|");
        for (Pairing p : section.columns()) {
            md.append(p == section.reference() ? "---:|" : "---:|---:|");
        }
        md.append('\n');
        Transport t = section.transport();
        for (Metric m : section.metrics()) {
            md.append("| ").append(m.label()).append(" | ").append(m.unit()).append(" |");
            List<Double> ref = results.samples(t, m, section.reference());
            for (Pairing p : section.columns()) {
                List<Double> s = results.samples(t, m, p);
                md.append(' ').append(cell(s)).append(" |");
                if (p != section.reference()) {
                    md.append(' ').append(ratio(s, ref)).append(" |");
                }
            }
            md.append('\n');
        }
    }

    private static String cell(List<Double> samples) {
        if (samples.isEmpty()) {
            return FAILED;
        }
        Summary s = Summary.of(samples);
        if (s.count() == 1) {
            return number(s.median());
        }
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    private static String ratio(List<Double> samples, List<Double> reference) {
        if (samples.isEmpty() || reference.isEmpty() || Summary.of(reference).median() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", Summary.of(samples).median() / Summary.of(reference).median());
    }

    /** Three significant digits or so, never in exponent form. */
    static String number(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
