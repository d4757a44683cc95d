package io.sluice.bench.lab;

import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the plan: for every repetition, transport and pairing a fresh tunnel and every figure on
 * it; then writes {@code <out>/<date>-<mode>.md}. With {@code --check}, exits 1 unless the table
 * is complete. Needs root, the lab's commands, and {@code -Dsluice.home} pointing at the built
 * distribution (bench/run sets it).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Preconditions.requireRootAndTun();
        SluicePeer.binSluice(); // fail now, not after the reference has run
        System.exit(run(options));
    }

    private static int run(BenchOptions options) throws InterruptedException, IOException {
        BenchPlan plan = options.plan();
        Map<String, String> machine = MachineDescription.describe();
        String loadBefore = MachineDescription.loadAverage();
        Instant started = Instant.now();
        Results results = new Results();
        for (int rep = 1; rep <= plan.repetitions(); rep++) {
            int r = rep;
            for (Transport t : plan.transports()) {
                for (Pairing p : Pairing.values()) {
                    attempt(t.label() + ", " + p.label() + ", repetition " + r, results, () -> {
                        try (TunnelSession tunnel = TunnelSession.open(t, p, r)) {
                            new TunnelMeasurements(plan, tunnel, (m, v) -> results.add(t, m, p, v)).run();
                        }
                    });
                }
            }
            for (Pairing p : BenchPlan.LOAD_COLUMNS) {
                attempt("Load, " + p.label() + ", repetition " + r, results,
                        () -> LoadMeasurement.run(plan, p, r, results));
            }
        }
        Duration took = Duration.between(started, Instant.now());

        Map<String, String> run = new LinkedHashMap<>();
        run.put("Date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started));
        run.put("Run time", String.format(Locale.ROOT, "%d min %02d s", took.toMinutes(), took.toSecondsPart()));
        run.put("Load average (1, 5, 15 min) before / after", loadBefore + " / " + MachineDescription.loadAverage());
        if (options.note() != null) {
            run.put("Note", options.note());
        }
        String markdown = MarkdownReport.render(plan, machine, run, results);
        Files.createDirectories(options.out());
        Path file = options.out().resolve(
                DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(started) + "-" + plan.mode() + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("written to " + file);

        if (options.check()) {
            List<String> problems = ReportCheck.problems(plan, Files.readString(file, StandardCharsets.UTF_8));
            if (!problems.isEmpty()) {
                System.err.println("bench check failed:\n  " + String.join("\n  ", problems));
                return 1;
            }
            System.out.println("bench check: every row of " + file + " has a value in every cell");
        }
        return 0;
    }

    /** One measurement: a tunnel's figures, or a load generator's. */
    private interface Measurement {
        void run() throws InterruptedException;
    }

    /** Runs one measurement, whose figures go into {@code results}; a failure is recorded and the run goes on. */
    private static void attempt(String what, Results results, Measurement measurement) throws InterruptedException {
        System.out.println("bench: " + what);
        try {
            measurement.run();
        } catch (RuntimeException | AssertionError e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            System.out.println("bench: " + what + " failed: " + e);
            results.fail(what + ": " + e.getClass().getSimpleName() + ": " + first);
        }
    }
}
