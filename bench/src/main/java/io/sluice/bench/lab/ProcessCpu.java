package io.sluice.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time a process and its descendants have used so far, from {@code /proc/<pid>/stat}
 * (utime + stime, all threads included). Read before and after a transfer, the difference is what
 * the server spent on it, wherever the scheduler ran it.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of utime and stime. It is 100 on every Linux architecture Sluice runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds of {@code root} and every live descendant. */
    static double seconds(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        double total = 0;
        for (ProcessHandle h : tree) {
            total += ticks(h.pid()) / TICKS_PER_SECOND;
        }
        return total;
    }

    /** utime + stime of one process; 0 when it has gone meanwhile. */
    private static long ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return 0;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
