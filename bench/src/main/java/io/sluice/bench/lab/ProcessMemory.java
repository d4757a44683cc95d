package io.sluice.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resident memory of a process and its descendants, from {@code VmRSS} in {@code /proc/<pid>/status}. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long rssBytes(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        long total = 0;
        for (ProcessHandle h : tree) {
            total += rss(h.pid());
        }
        return total;
    }

    /** 0 when the process has gone meanwhile. */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
