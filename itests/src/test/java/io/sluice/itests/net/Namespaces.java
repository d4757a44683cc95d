package io.sluice.itests.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Thin wrappers over {@code ip netns}: list, find the processes inside, kill them, delete.
 *
 * <p>Deleting a namespace with processes still inside only unmounts its name; the namespace, its veth
 * ends and TUN devices live on with those processes. So removal always kills the processes first,
 * found by {@code ip netns pids} (which also finds daemons that escaped their parent's process tree).
 */
final class Namespaces {

    static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

    private Namespaces() {
    }

    /** Names of all named namespaces on this host. */
    static List<String> list() {
        CommandResult r = Commands.run(IP_TIMEOUT, Commands.path("ip"), "netns", "list").requireOk();
        List<String> names = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            String t = line.trim();
            if (!t.isEmpty()) {
                names.add(t.split("\\s+")[0]); // "name (id: 3)"
            }
        }
        return names;
    }

    static boolean exists(String name) {
        return list().contains(name);
    }

    /** Pids of processes whose network namespace is this one. */
    static List<Long> pids(String name) {
        CommandResult r = Commands.run(IP_TIMEOUT, Commands.path("ip"), "netns", "pids", name);
        List<Long> pids = new ArrayList<>();
        if (!r.ok()) {
            return pids;
        }
        for (String line : r.output().split("\n")) {
            String t = line.trim();
            if (t.matches("\\d+")) {
                pids.add(Long.parseLong(t));
            }
        }
        return pids;
    }

    /**
     * SIGKILLs every process inside the namespace until none is left (or the timeout passes), then
     * deletes it. Returns an empty string on success, otherwise what went wrong.
     */
    static String remove(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long self = ProcessHandle.current().pid();
        List<Long> left = pids(name);
        while (!left.isEmpty()) {
            for (long pid : left) {
                if (pid != self) {
                    ProcessTrees.kill(pid);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            sleepQuietly(50);
            left = pids(name);
            left.remove(self);
        }
        String problem = left.isEmpty() ? "" : "processes " + left + " survived SIGKILL in " + name + "; ";
        CommandResult del = Commands.run(IP_TIMEOUT, Commands.path("ip"), "netns", "del", name);
        if (!del.ok() && exists(name)) {
            problem += "ip netns del " + name + " failed: " + del.output().trim();
        }
        return problem;
    }

    /** Cleanup is deliberately not interruptible: callers restore the interrupt flag they found. */
    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException ignored) {
            // see above
        }
    }
}
