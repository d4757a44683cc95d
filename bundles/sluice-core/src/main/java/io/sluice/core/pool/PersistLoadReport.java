package io.sluice.core.pool;

import java.util.List;

/**
 * What reading the {@code ifconfig-pool-persist} file at start-up found. A bad line never stops
 * the server (OpenVPN warns and goes on); the server logs these.
 *
 * @param fileFound whether the file existed (a missing file is an empty pool, as for OpenVPN)
 * @param applied   lines that gave a common name a slot
 * @param badLines  lines ignored for being malformed or naming no slot of this pool; comments and
 *                  blank lines are not counted
 * @param problems  details of the first {@value #MAX_PROBLEMS} problems, ignored and partly
 *                  applied lines alike, in file order
 */
public record PersistLoadReport(boolean fileFound, int applied, int badLines, List<PersistProblem> problems) {

    /** How many problems are kept in detail, so a garbage file cannot fill memory. */
    public static final int MAX_PROBLEMS = 100;

    public PersistLoadReport {
        problems = List.copyOf(problems);
    }

    /** The report of a pool without a persist file. */
    public static PersistLoadReport none() {
        return new PersistLoadReport(false, 0, 0, List.of());
    }
}
