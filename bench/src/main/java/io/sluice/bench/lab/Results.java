package io.sluice.bench.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every sample of a run, by transport, row and pairing, and what failed. */
final class Results {

    private record Cell(Transport transport, Metric metric, Pairing pairing) {
    }

    private final Map<Cell, List<Double>> samples = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    void add(Transport transport, Metric metric, Pairing pairing, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            failures.add(transport.label() + ", " + pairing.label() + ": " + metric.label() + " came out as " + value);
            return;
        }
        samples.computeIfAbsent(new Cell(transport, metric, pairing), c -> new ArrayList<>()).add(value);
    }

    void fail(String what) {
        failures.add(what);
    }

    /** The samples of one cell, empty when none was taken. */
    List<Double> samples(Transport transport, Metric metric, Pairing pairing) {
        return samples.getOrDefault(new Cell(transport, metric, pairing), List.of());
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
