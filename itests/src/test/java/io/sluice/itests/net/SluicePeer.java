package io.sluice.itests.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code bin/sluice} from the built distribution running in a namespace with a config written by
 * the test: the Sluice side of an interop test, as {@link OpenVpnPeer} is the OpenVPN side.
 *
 * <p>The config is saved next to the log; each instance keeps its runtime state under the lab's
 * directory ({@code SLUICE_STATE_DIR}), so nothing is left outside the test's own tree.
 */
public final class SluicePeer {

    /** What Sluice logs when it serves, as OpenVPN does. */
    public static final Pattern READY = Pattern.compile("Initialization Sequence Completed");

    /** Start-up includes booting the container: generous for a loaded 2-core CI machine. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);

    private final NsProcess process;
    private final Path configFile;

    private SluicePeer(NsProcess process, Path configFile) {
        this.process = process;
        this.configFile = configFile;
    }

    /** Starts bin/sluice on {@code config} and waits for {@link #READY}. */
    public static SluicePeer start(NetLab lab, Ns ns, String name, String config) throws InterruptedException {
        SluicePeer peer = launch(lab, ns, name, config);
        peer.process.awaitLine(READY, DEFAULT_READY_TIMEOUT);
        return peer;
    }

    /** Starts bin/sluice without waiting. */
    public static SluicePeer launch(NetLab lab, Ns ns, String name, String config) {
        Path file = lab.dir().resolve(NetLab.safe(name, 80) + ".conf");
        try {
            Files.writeString(file, config.endsWith("\n") ? config : config + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NsProcess p = lab.start(ns, name, List.of(binSluice().toString(), "--config", file.toString()),
                environment(lab), lab.dir());
        return new SluicePeer(p, file);
    }

    /**
     * Starts bin/sluice with {@code input} on its standard input (answers to its questions, as a
     * user types them or a script pipes them in) and waits for {@link #READY}.
     */
    public static SluicePeer startWithInput(NetLab lab, Ns ns, String name, String config, String input)
            throws InterruptedException {
        Path file = lab.dir().resolve(NetLab.safe(name, 80) + ".conf");
        Path answers = lab.dir().resolve(NetLab.safe(name, 80) + ".stdin");
        try {
            Files.writeString(file, config.endsWith("\n") ? config : config + "\n", StandardCharsets.UTF_8);
            Files.writeString(answers, input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NsProcess p = lab.start(ns, name, List.of("sh", "-c", "exec \"$0\" --config \"$1\" < \"$2\"",
                binSluice().toString(), file.toString(), answers.toString()), environment(lab), lab.dir());
        SluicePeer peer = new SluicePeer(p, file);
        peer.process.awaitLine(READY, DEFAULT_READY_TIMEOUT);
        return peer;
    }

    private static Map<String, String> environment(NetLab lab) {
        return Map.of(
                "SLUICE_STATE_DIR", lab.dir().resolve("sluice-state").toString(),
                "JAVA_HOME", System.getProperty("java.home"));
    }

    /** The distribution `mvn install` unpacked, handed in by failsafe as {@code sluice.home}. */
    public static Path binSluice() {
        String home = System.getProperty("sluice.home");
        if (home == null) {
            throw new AssertionError("system property sluice.home is not set (run through mvn verify)");
        }
        Path bin = Path.of(home).toAbsolutePath().normalize().resolve("bin/sluice");
        if (!Files.isExecutable(bin)) {
            throw new AssertionError("no executable " + bin + ": build the distribution first");
        }
        return bin;
    }

    public NsProcess process() {
        return process;
    }

    public Path configFile() {
        return configFile;
    }

    /** Waits for a log line, failing with Sluice's last lines. */
    public String awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
        return process.awaitLine(pattern, timeout);
    }

    /** Stops Sluice with SIGTERM (it tells its clients to reconnect, as explicit-exit-notify does). */
    public int stop() {
        return process.stop(Duration.ofSeconds(20));
    }
}
