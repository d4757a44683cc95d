package io.sluice.itests.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure no lab outlives its test, even when the test does not get to close it.
 *
 * <ul>
 *   <li>A JVM shutdown hook closes every lab still open: this covers SIGTERM/SIGINT of the test JVM
 *       (Ctrl-C in Maven, a CI job cancelled) and {@code System.exit} from the test runner.</li>
 *   <li>SIGKILL runs no hooks, so each JVM, before its first lab, sweeps namespaces that carry the
 *       harness prefix and whose creating pid (part of the name) is no longer running.</li>
 * </ul>
 */
final class LabJanitor {

    /** {@code slc<pid>-<counter>-<role>}; the pid is the JVM that created it. */
    static final Pattern NAME = Pattern.compile("^" + NetLab.PREFIX + "(\\d+)-\\d+-.*$");

    private static final Set<NetLab> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    private static final Object LOCK = new Object();
    /** Set when the JVM starts shutting down; guarded by LOCK. */
    private static boolean shuttingDown;

    private LabJanitor() {
    }

    /**
     * Tracks an open lab. Refuses once the JVM is shutting down: test threads keep running while
     * shutdown hooks run, and JUnit would otherwise go on to the next test and open a lab that no
     * hook closes any more.
     */
    static void register(NetLab lab) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(LabJanitor::closeAll, "netlab-shutdown"));
        }
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new IllegalStateException("the JVM is shutting down: no new network labs");
            }
            OPEN.add(lab);
        }
    }

    static void unregister(NetLab lab) {
        OPEN.remove(lab);
    }

    static int openCount() {
        return OPEN.size();
    }

    private static void closeAll() {
        List<NetLab> open;
        synchronized (LOCK) {
            shuttingDown = true;
            open = List.copyOf(OPEN);
        }
        for (NetLab lab : open) {
            try {
                System.err.println("[netlab] JVM shutting down: closing lab " + lab.testName());
                lab.close();
            } catch (Throwable t) {
                System.err.println("[netlab] closing lab " + lab.testName() + " failed: " + t);
            }
        }
    }

    /** Sweeps stale namespaces once per JVM. */
    static void sweepStaleOnce() {
        if (SWEPT.compareAndSet(false, true)) {
            List<String> removed = sweepStale();
            if (!removed.isEmpty()) {
                System.err.println("[netlab] removed stale namespaces of dead test JVMs: " + removed);
            }
        }
    }

    /**
     * Removes (processes killed, then deleted) every harness namespace whose creating JVM is dead.
     * Namespaces of live JVMs, including concurrent test runs, are left alone. Returns what it removed.
     */
    static List<String> sweepStale() {
        boolean interrupted = Thread.interrupted();
        List<String> removed = new ArrayList<>();
        try {
            long self = ProcessHandle.current().pid();
            for (String name : Namespaces.list()) {
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                long creator = Long.parseLong(m.group(1));
                if (creator == self || ProcessTrees.isRunning(creator)) {
                    continue;
                }
                String problem = Namespaces.remove(name, Duration.ofSeconds(5));
                if (problem.isEmpty()) {
                    removed.add(name);
                } else {
                    System.err.println("[netlab] could not remove stale namespace " + name + ": " + problem);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return removed;
    }
}
