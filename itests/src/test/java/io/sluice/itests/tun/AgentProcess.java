package io.sluice.itests.tun;

import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.itests.net.Commands;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The test's handle on a child JVM (an agent: {@link TunEchoAgent}, {@link HostRoutesAgent}) running in
 * a namespace on this class path, which executes commands read line by line from a FIFO and answers
 * each with {@code OK <command>} or {@code ERR <command>: <exception>}.
 *
 * <p>The FIFO is opened read-write on this side before the agent starts, so neither side ever
 * blocks in open(2), even if the agent dies early; a dead agent shows up as a timed-out answer with
 * its last output lines.
 */
final class AgentProcess implements AutoCloseable {

    static final Duration ANSWER = Duration.ofSeconds(15);

    private final NsProcess process;
    private final RandomAccessFile control;

    private AgentProcess(NsProcess process, RandomAccessFile control) {
        this.process = process;
        this.control = control;
    }

    /**
     * Starts {@code main} in {@code ns} with the arguments {@code args} makes from the path of its
     * control FIFO.
     */
    static AgentProcess launch(NetLab lab, Ns ns, String label, Class<?> main, Function<Path, List<String>> args) {
        Path fifo = lab.dir().resolve(label + ".control");
        Commands.run(Duration.ofSeconds(5), "mkfifo", fifo.toString()).requireOk();
        RandomAccessFile control;
        try {
            control = new RandomAccessFile(fifo.toFile(), "rw"); // O_RDWR: never blocks on a FIFO
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        cmd.addAll(args.apply(fifo));
        NsProcess p = lab.start(ns, label, cmd, Map.of(), lab.dir());
        return new AgentProcess(p, control);
    }

    NsProcess process() {
        return process;
    }

    /** Sends a command and fails the test unless the agent answers OK. */
    void ok(String command) throws InterruptedException {
        String answer = send(command);
        if (!answer.startsWith("OK ")) {
            fail("agent refused '" + command + "': " + answer);
        }
    }

    /** Sends a command that must fail; returns the error text. */
    String err(String command) throws InterruptedException {
        String answer = send(command);
        if (!answer.startsWith("ERR ")) {
            fail("agent accepted '" + command + "', which should have failed: " + answer);
        }
        return answer;
    }

    /** Sends a command and returns its answer line ({@code OK ...} or {@code ERR ...}). */
    String send(String command) throws InterruptedException {
        int mark = process.mark();
        try {
            control.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.awaitLine(Pattern.compile("^(OK|ERR) " + Pattern.quote(command) + "($|: )"), ANSWER, mark);
    }

    /**
     * Sends a command that must succeed and returns the first line matching {@code result} that the
     * agent printed for it.
     */
    String ask(String command, String result) throws InterruptedException {
        int mark = process.mark();
        ok(command);
        return awaitLine(result, mark);
    }

    /** The first line after {@code fromLine} matching {@code regex}. */
    String awaitLine(String regex, int fromLine) throws InterruptedException {
        return process.awaitLine(Pattern.compile(regex), ANSWER, fromLine);
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException ignored) {
            // The lab stops the process anyway.
        }
    }
}
