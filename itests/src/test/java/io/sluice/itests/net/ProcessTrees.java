package io.sluice.itests.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signals whole process trees and tells live processes from dead ones.
 *
 * <p>A test process may fork (a shell wrapper, a launcher script starting a JVM, a daemon). Killing
 * only the process we started would leave its children running, holding ports and TUN devices of a
 * namespace we are about to delete. The tree is snapshotted <em>before</em> signalling, because once a
 * parent dies its children are re-parented and can no longer be found as its descendants.
 *
 * <p>"Dead" includes zombies: in a container whose PID 1 does not reap orphans, a killed orphan stays
 * a zombie forever, and {@link ProcessHandle#isAlive()} still reports it alive.
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /** The process and all its current descendants, parent first. */
    public static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.descendants().collect(Collectors.toList()));
        return all;
    }

    /** SIGKILLs the process and all its descendants. */
    public static void killTree(ProcessHandle root) {
        for (ProcessHandle h : snapshot(root)) {
            h.destroyForcibly();
        }
    }

    /** SIGKILLs one process by pid, if it still exists. */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** True if the pid names a process that exists and is not a zombie. */
    public static boolean isRunning(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        // Format: "pid (comm) S ..."; comm may contain spaces and parentheses, so find the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return true;
        }
        char state = stat.charAt(close + 2);
        return state != 'Z' && state != 'X';
    }

    public static boolean isRunning(ProcessHandle h) {
        return h.isAlive() && isRunning(h.pid());
    }

    /** Waits until none of the handles is running, or the deadline (System.nanoTime) passes. */
    public static boolean awaitGone(List<ProcessHandle> handles, long deadlineNanos) {
        boolean interrupted = false;
        try {
            while (true) {
                boolean any = false;
                for (ProcessHandle h : handles) {
                    if (isRunning(h)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return true;
                }
                if (System.nanoTime() - deadlineNanos >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    interrupted = true; // cleanup must finish; the flag is restored below
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
