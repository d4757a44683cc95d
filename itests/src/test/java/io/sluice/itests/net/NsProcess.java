package io.sluice.itests.net;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running process started inside a namespace with {@code ip netns exec} (which execs the
 * command itself, so our child <em>is</em> the command).
 *
 * <p>Its stdout and stderr, merged, go line by line both to a log file in the test's log directory
 * (so a failed CI run can be diagnosed afterwards) and to memory (so a test can wait for a line).
 * Waiting always has a timeout, and fails early with the last lines of output when the process dies,
 * because "timed out" alone never explains why a peer did not come up.
 *
 * <p>Create these with {@link NetLab#start}; the lab kills every one it started when it closes.
 */
public final class NsProcess {

    private static final int TAIL_LINES = 40;

    private final String name;
    private final Ns ns;
    private final List<String> command;
    private final Path logFile;
    private final Process process;
    private final Thread reader;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private boolean eof;

    NsProcess(String name, Ns ns, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        this.name = name;
        this.ns = ns;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        List<String> full = new ArrayList<>(List.of(Commands.path("ip"), "netns", "exec", ns.name()));
        full.addAll(Commands.resolveFirst(command));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        BufferedWriter log;
        try {
            Files.createDirectories(logFile.getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
            log.write("# ns " + ns.name() + ": " + String.join(" ", full) + "\n");
            log.flush();
            this.process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", full), e);
        }
        this.reader = new Thread(() -> pump(log), "nsproc-" + name + "-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(BufferedWriter log) {
        try (log; BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                } catch (IOException ignored) {
                    // Keep the in-memory copy even if the disk is unhappy.
                }
                lock.lock();
                try {
                    lines.add(line);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException ignored) {
            // Stream closed because the process was killed.
        } finally {
            lock.lock();
            try {
                eof = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public String name() {
        return name;
    }

    public Ns ns() {
        return ns;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; fails if the process is still running. */
    public int exitCode() {
        if (process.isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        return process.exitValue();
    }

    /** Waits for the process to exit on its own; empty if it is still running at the timeout. */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            Commands.joinQuietly(reader, 2000);
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    /** A copy of all output lines so far. */
    public List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** The number of lines so far: pass it to {@link #awaitLine(Pattern, Duration, int)} to wait for news. */
    public int mark() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }

    /** All output so far, one string. */
    public String output() {
        return String.join("\n", lines());
    }

    /** Waits for an output line containing {@code text} (anywhere since the start) and returns it. */
    public String awaitLine(String text, Duration timeout) throws InterruptedException {
        return awaitLine(Pattern.compile(Pattern.quote(text)), timeout, 0);
    }

    /** Waits for an output line in which {@code pattern} is found (anywhere since the start). */
    public String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        return awaitLine(pattern, timeout, 0);
    }

    /**
     * Waits for a line numbered {@code fromLine} or later (see {@link #mark()}) in which {@code pattern}
     * is found, and returns it. Fails with an {@link AssertionError} carrying the last lines of output
     * when the timeout passes or the process exits first.
     */
    public String awaitLine(Pattern pattern, Duration timeout, int fromLine) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = fromLine;
        long deadSince = 0;
        lock.lock();
        try {
            while (true) {
                for (; next < lines.size(); next++) {
                    String l = lines.get(next);
                    if (pattern.matcher(l).find()) {
                        return l;
                    }
                }
                if (eof) {
                    break;
                }
                if (!process.isAlive()) {
                    // Output may still be in the pipe; give the reader a moment, unless a grandchild
                    // holds the pipe open, in which case EOF never comes.
                    if (deadSince == 0) {
                        deadSince = System.nanoTime();
                    } else if (System.nanoTime() - deadSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                        break;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure(pattern, timeout, "timed out");
                }
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        // The output ended: the process is exiting; let it finish so the message can say how.
        process.waitFor(2, TimeUnit.SECONDS);
        throw failure(pattern, timeout, process.isAlive() ? "its output ended first" : "it exited first" + exitText());
    }

    /** Like {@link #awaitLine(Pattern, Duration)} but returns the match, for reading groups. */
    public Matcher awaitMatch(Pattern pattern, Duration timeout) throws InterruptedException {
        Matcher m = pattern.matcher(awaitLine(pattern, timeout));
        if (!m.find()) {
            throw new IllegalStateException("pattern matched once but not again: " + pattern);
        }
        return m;
    }

    private String exitText() {
        return process.isAlive() ? "" : " with exit code " + process.exitValue();
    }

    private AssertionError failure(Pattern pattern, Duration timeout, String why) {
        return new AssertionError(this + ": no output line matching /" + pattern + "/ within " + timeout
                + " (" + why + ", " + (process.isAlive() ? "still running" : "not running")
                + "); log: " + logFile + "\n" + tail(TAIL_LINES));
    }

    /** The last {@code n} lines, prefixed for readability in assertion messages. */
    public String tail(int n) {
        List<String> all = lines();
        List<String> last = all.subList(Math.max(0, all.size() - n), all.size());
        StringBuilder sb = new StringBuilder("--- last " + last.size() + " of " + all.size()
                + " lines of " + name + " ---\n");
        for (String l : last) {
            sb.append("  | ").append(l).append('\n');
        }
        return sb.toString();
    }

    /**
     * Stops the process: SIGTERM, then after {@code grace} SIGTERM to any descendants left, then SIGKILL
     * to the whole tree. Returns the exit code. Safe to call on a process that already exited.
     */
    public int stop(Duration grace) {
        List<ProcessHandle> tree = ProcessTrees.snapshot(process.toHandle());
        process.toHandle().destroy();
        finishStop(tree, System.nanoTime() + grace.toNanos());
        return process.exitValue();
    }

    public int stop() {
        return stop(Duration.ofSeconds(3));
    }

    /** First half of a stop: SIGTERM to the main process; returns the tree to finish with. */
    List<ProcessHandle> beginStop() {
        List<ProcessHandle> tree = ProcessTrees.snapshot(process.toHandle());
        process.toHandle().destroy();
        return tree;
    }

    /** Second half: wait until the deadline, then escalate to SIGTERM and SIGKILL for the tree. */
    void finishStop(List<ProcessHandle> tree, long deadlineNanos) {
        if (!ProcessTrees.awaitGone(List.of(process.toHandle()), deadlineNanos)) {
            process.toHandle().destroyForcibly();
        }
        List<ProcessHandle> rest = new ArrayList<>(tree);
        rest.addAll(ProcessTrees.snapshot(process.toHandle()));
        rest.removeIf(h -> !ProcessTrees.isRunning(h));
        if (!rest.isEmpty()) {
            rest.forEach(ProcessHandle::destroy);
            if (!ProcessTrees.awaitGone(rest, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500))) {
                rest.forEach(ProcessHandle::destroyForcibly);
                ProcessTrees.awaitGone(rest, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
        }
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Commands.joinQuietly(reader, 2000);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + " in " + ns + ": " + String.join(" ", command) + ")";
    }
}
