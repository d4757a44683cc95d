package io.sluice.bench.lab;

import java.nio.file.Path;

/**
 * bench/run's command line: {@code --quick|--full|--scale SESSIONS [--check] [--repetitions N] [--seconds N]
 * [--out DIR] [--note TEXT]}.
 *
 * @param note free text for the results file, e.g. that the machine was shared during the run
 */
record BenchOptions(BenchPlan plan, boolean check, Path out, String note) {

    static final String USAGE = "usage: bench/run --quick|--full|--scale SESSIONS [--check] [--repetitions N] [--seconds N]"
            + " [--out DIR] [--note TEXT]";

    static BenchOptions parse(String[] args) {
        BenchPlan plan = null;
        boolean check = false;
        Path out = Path.of("bench", "results");
        String note = null;
        Integer repetitions = null;
        Integer seconds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = BenchPlan.quick();
                case "--full" -> plan = BenchPlan.full();
                case "--scale" -> plan = BenchPlan.scale(positive(args, ++i));
                case "--check" -> check = true;
                case "--repetitions" -> repetitions = positive(args, ++i);
                case "--seconds" -> seconds = positive(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                case "--note" -> note = value(args, ++i);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
            }
        }
        if (plan == null) {
            throw new IllegalArgumentException("say --quick, --full or --scale SESSIONS\n" + USAGE);
        }
        if (repetitions != null) {
            plan = plan.withRepetitions(repetitions);
        }
        if (seconds != null) {
            plan = plan.withSeconds(seconds);
        }
        return new BenchOptions(plan, check, out, note);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(args[i - 1] + " needs a positive whole number, not '" + v + "'");
    }
}
