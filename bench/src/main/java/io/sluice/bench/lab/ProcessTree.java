package io.sluice.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

/**
 * What a process and its live descendants use, summed from their {@code /proc/<pid>} files: CPU
 * time (utime + stime from {@code stat}, all threads) and resident memory ({@code VmRSS} from
 * {@code status}). Read before and after a measurement, the difference is what the server spent,
 * wherever the scheduler ran it. A process that has gone meanwhile counts 0.
 */
final class ProcessTree {

    /** USER_HZ: the unit of utime and stime. It is 100 on every Linux architecture Sluice runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessTree() {
    }

    /** CPU seconds of {@code root} and every live descendant. */
    static double cpuSeconds(ProcessHandle root) {
        return sum(root, ProcessTree::ticks) / TICKS_PER_SECOND;
    }

    /** Resident bytes of {@code root} and every live descendant. */
    static long rssBytes(ProcessHandle root) {
        return sum(root, ProcessTree::rss);
    }

    private static long sum(ProcessHandle root, LongUnaryOperator perPid) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(h -> perPid.applyAsLong(h.pid())).sum();
    }

    private static long ticks(long pid) {
        List<String> lines = read(pid, "stat");
        if (lines.isEmpty()) {
            return 0;
        }
        String stat = lines.get(0);
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rss(long pid) {
        for (String line : read(pid, "status")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024; // kB
            }
        }
        return 0;
    }

    /** The lines of /proc/PID/FILE; none when the process has gone. */
    private static List<String> read(long pid, String file) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
