package io.sluice.bench.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a figure's repetitions and their range. */
record Summary(double median, double min, double max, int count) {

    static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        int n = s.size();
        double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return new Summary(median, s.get(0), s.get(n - 1), n);
    }

    /** The median of values that may be many per repetition (one RTT per echo reply). */
    static double medianOf(List<Double> values) {
        return of(values).median();
    }
}
