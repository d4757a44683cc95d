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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's handle on a {@link TunEchoAgent} running in a namespace: starts it, learns the device
 * name it got, and sends it commands through a FIFO, waiting for each answer.
 *
 * <p>The FIFO is opened read-write on this side before the agent starts, so neither side ever
 * blocks in open(2), even if the agent dies early; a dead agent shows up as a timed-out answer with
 * its last output lines.
 */
final class TunAgent implements AutoCloseable {

    static final Duration ANSWER = Duration.ofSeconds(15);
    private static final Pattern OPENED = Pattern.compile("^OPENED name=(\\S+) type=(\\S+) mtu=(\\d+)$");

    private final NsProcess process;
    private final RandomAccessFile control;
    private String deviceName;

    private TunAgent(NsProcess process, RandomAccessFile control) {
        this.process = process;
        this.control = control;
    }

    /**
     * Starts an agent JVM in {@code ns} that opens a device; waits until it is open and listening.
     *
     * @param name a device name, or "-" to let the kernel choose
     */
    static TunAgent start(NetLab lab, Ns ns, String label, String type, String name, int mtu, boolean heap)
            throws InterruptedException {
        TunAgent agent = launch(lab, ns, label, type, name, mtu, heap);
        Matcher m = agent.process.awaitMatch(OPENED, ANSWER);
        agent.deviceName = m.group(1);
        agent.process.awaitLine(Pattern.compile("^READY$"), ANSWER);
        return agent;
    }

    /** Starts an agent that is expected to fail to open its device; returns the failure line. */
    static String startExpectingOpenFailure(NetLab lab, Ns ns, String label, String type, String name, int mtu)
            throws InterruptedException {
        try (TunAgent agent = launch(lab, ns, label, type, name, mtu, false)) {
            return agent.process.awaitLine(Pattern.compile("^(OPEN_FAILED|OPENED) "), ANSWER);
        }
    }

    private static TunAgent launch(NetLab lab, Ns ns, String label, String type, String name, int mtu, boolean heap) {
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
                TunEchoAgent.class.getName(), type, name, Integer.toString(mtu), fifo.toString()));
        if (heap) {
            cmd.add("heap");
        }
        NsProcess p = lab.start(ns, label, cmd, Map.of(), lab.dir());
        return new TunAgent(p, control);
    }

    String deviceName() {
        return deviceName;
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

    /** The first line after {@code fromLine} containing {@code text}. */
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
