package io.sluice.itests.tun;

import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's handle on a {@link TunEchoAgent} running in a namespace: starts it, learns the device
 * name it got, and sends it commands (see {@link AgentProcess}), waiting for each answer.
 */
final class TunAgent implements AutoCloseable {

    static final Duration ANSWER = AgentProcess.ANSWER;
    private static final Pattern OPENED = Pattern.compile("^OPENED name=(\\S+) type=(\\S+) mtu=(\\d+)$");

    private final AgentProcess agent;
    private String deviceName;

    private TunAgent(AgentProcess agent) {
        this.agent = agent;
    }

    /**
     * Starts an agent JVM in {@code ns} that opens a device; waits until it is open and listening.
     *
     * @param name a device name, or "-" to let the kernel choose
     */
    static TunAgent start(NetLab lab, Ns ns, String label, String type, String name, int mtu, boolean heap)
            throws InterruptedException {
        TunAgent agent = launch(lab, ns, label, type, name, mtu, heap);
        Matcher m = agent.process().awaitMatch(OPENED, ANSWER);
        agent.deviceName = m.group(1);
        agent.process().awaitLine(Pattern.compile("^READY$"), ANSWER);
        return agent;
    }

    /** Starts an agent that is expected to fail to open its device; returns the failure line. */
    static String startExpectingOpenFailure(NetLab lab, Ns ns, String label, String type, String name, int mtu)
            throws InterruptedException {
        try (TunAgent agent = launch(lab, ns, label, type, name, mtu, false)) {
            return agent.process().awaitLine(Pattern.compile("^(OPEN_FAILED|OPENED) "), ANSWER);
        }
    }

    private static TunAgent launch(NetLab lab, Ns ns, String label, String type, String name, int mtu, boolean heap) {
        return new TunAgent(AgentProcess.launch(lab, ns, label, TunEchoAgent.class, fifo -> {
            List<String> args = new ArrayList<>(List.of(type, name, Integer.toString(mtu), fifo.toString()));
            if (heap) {
                args.add("heap");
            }
            return args;
        }));
    }

    String deviceName() {
        return deviceName;
    }

    NsProcess process() {
        return agent.process();
    }

    /** Sends a command and fails the test unless the agent answers OK. */
    void ok(String command) throws InterruptedException {
        agent.ok(command);
    }

    /** Sends a command that must fail; returns the error text. */
    String err(String command) throws InterruptedException {
        return agent.err(command);
    }

    /** Sends a command and returns its answer line ({@code OK ...} or {@code ERR ...}). */
    String send(String command) throws InterruptedException {
        return agent.send(command);
    }

    /** The first line after {@code fromLine} matching {@code regex}. */
    String awaitLine(String regex, int fromLine) throws InterruptedException {
        return agent.awaitLine(regex, fromLine);
    }

    @Override
    public void close() {
        agent.close();
    }
}
