package io.sluice.bench.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --check} asserts, and all it asserts: the run completed and its table has every row
 * with a value in every cell. Never a figure's size: CI machines are too noisy for timing checks.
 */
final class ReportCheck {

    private ReportCheck() {
    }

    /** The problems found in a rendered report; empty when it is complete. */
    static List<String> problems(BenchPlan plan, String markdown) {
        List<String> problems = new ArrayList<>();
        for (Section s : plan.sections()) {
            String heading = "\n## " + s.heading() + "\n";
            int start = markdown.indexOf(heading);
            if (start < 0) {
                problems.add("no section '" + s.heading() + "'");
                continue;
            }
            int end = markdown.indexOf("\n## ", start + heading.length());
            String section = markdown.substring(start, end < 0 ? markdown.length() : end);
            for (Metric m : s.metrics()) {
                String row = section.lines().filter(l -> l.startsWith("| " + m.label() + " |"))
                        .findFirst().orElse(null);
                if (row == null) {
                    problems.add(s.heading() + ": no row '" + m.label() + "'");
                } else if (row.contains("| " + MarkdownReport.FAILED + " |")) {
                    problems.add(s.heading() + ": row '" + m.label() + "' has a cell without a value");
                }
            }
        }
        return problems;
    }
}
