package io.sluice.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --check passes a complete table and names every row that is missing or has an empty cell. */
class ReportCheckTest {

    private final BenchPlan plan = BenchPlan.quick();

    @Test
    void aTableWithEveryCellFilledPasses() {
        Results results = new Results();
        for (Section s : plan.sections()) {
            for (Metric m : s.metrics()) {
                for (Pairing p : s.columns()) {
                    results.add(s.transport(), m, p, 1.0);
                }
            }
        }
        assertEquals(List.of(), ReportCheck.problems(plan, MarkdownReport.render(plan, Map.of(), Map.of(), results)));
    }

    @Test
    void aCellWithoutSamplesAndAMissingSectionAreReported() {
        Results results = new Results();
        for (Section s : plan.sections()) {
            for (Metric m : s.metrics()) {
                for (Pairing p : s.columns()) {
                    if (!(m.equals(Metric.PING_IDLE) && p == Pairing.SLUICE_TO_SLUICE)) {
                        results.add(s.transport(), m, p, 1.0);
                    }
                }
            }
        }
        String md = MarkdownReport.render(plan, Map.of(), Map.of(), results);
        assertEquals(List.of("UDP transport: row '" + Metric.PING_IDLE.label() + "' has a cell without a value"),
                ReportCheck.problems(plan, md));

        String cut = md.substring(0, md.indexOf("\n## Handshakes"));
        assertTrue(ReportCheck.problems(plan, cut).get(1).startsWith("no section 'Handshakes"),
                ReportCheck.problems(plan, cut).toString());
    }
}
