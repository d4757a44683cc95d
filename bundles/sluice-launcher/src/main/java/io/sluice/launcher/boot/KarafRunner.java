package io.sluice.launcher.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.main.Main;
import org.osgi.framework.launch.Framework;
import sun.misc.Signal;

/**
 * Runs Karaf's {@code Main} in this JVM for one instance, with a container configuration
 * and a data directory of the instance's own (see {@link InstanceEtc}), and
 * turns SIGTERM and SIGINT into a clean stop whose exit status is 0.
 */
final class KarafRunner {

    /** How long a clean stop may take before the JVM exits anyway. */
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final Path karafHome;
    private final PrintStream err;

    KarafRunner(Path karafHome, PrintStream err) {
        this.karafHome = karafHome;
        this.err = err;
    }

    int run(InstanceState state, List<String> argv, Path cwd) {
        Path etc;
        try {
            etc = InstanceEtc.create(karafHome, state.dir());
        } catch (IOException | RuntimeException e) {
            err.println("cannot prepare the instance's container configuration: " + e.getMessage());
            return 1;
        }
        System.setProperty("karaf.home", karafHome.toString());
        System.setProperty("karaf.base", karafHome.toString());
        System.setProperty("karaf.etc", etc.toString());
        System.setProperty("karaf.data", state.data().toString());
        System.setProperty("karaf.log", state.data().resolve("log").toString());
        System.setProperty("karaf.instances", state.dir().resolve("instances").toString());
        System.setProperty("karaf.handle.sigterm", "false"); // handled below, with SIGINT
        System.setProperty("karaf.restart", "false");
        System.setProperty("karaf.restart.jvm", "false");
        System.setProperty("karaf.startLocalConsole", "false");
        System.setProperty("karaf.startRemoteShell", "false");
        System.setProperty("java.util.logging.config.file", etc.resolve("java.util.logging.properties").toString());
        System.setProperty(Handover.ARGV, Handover.encode(argv));
        System.setProperty(Handover.CWD, cwd.toString());
        System.setProperty(Handover.STATE_DIR, state.dir().toString());

        Main main = new Main(new String[0]);
        handle("TERM", main);
        handle("INT", main);
        Thread hook = new Thread(() -> stopAndWait(main), "sluice-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            main.launch();
        } catch (Throwable t) {
            err.println("cannot start the container: " + t);
            return 1;
        }
        try {
            main.awaitShutdown();
            if (!main.destroy()) {
                err.println("the container did not stop in time");
                return 1;
            }
        } catch (Exception e) {
            err.println("error while stopping the container: " + e);
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run; nothing to undo.
            }
        }
        return Integer.getInteger(Handover.EXIT_STATUS, 0);
    }

    private static void handle(String signal, Main main) {
        try {
            Signal.handle(new Signal(signal), s -> {
                System.setProperty(Handover.SIGNAL, "SIG" + s.getName());
                Thread t = new Thread(() -> stopFramework(main), "sluice-" + s.getName().toLowerCase());
                t.start();
            });
        } catch (IllegalArgumentException e) {
            // Signal not available on this platform: the shutdown hook still stops cleanly.
        }
    }

    private static void stopFramework(Main main) {
        Framework fw = main.getFramework();
        if (fw != null) {
            try {
                fw.stop();
            } catch (Exception e) {
                // Stopping is best effort here; destroy() reports a framework that hangs.
            }
        }
    }

    /** For a JVM exit not caused by SIGTERM/SIGINT (SIGHUP, System.exit elsewhere). */
    private static void stopAndWait(Main main) {
        Framework fw = main.getFramework();
        if (fw == null) {
            return;
        }
        stopFramework(main);
        try {
            fw.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
