package io.sluice.launcher.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.FileAccessCheck;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.SupportCheck;
import io.sluice.launcher.boot.Handover;
import io.sluice.launcher.boot.VersionInfo;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance {@code bin/sluice} started this container for. In a container started any
 * other way (bin/karaf) there are no launcher arguments and it does nothing.
 */
@Component(immediate = true, service = {})
public final class InstanceRunner {

    private final Logger logger = LoggerFactory.getLogger("sluice");

    private VerbLog log;
    private boolean running;

    @Activate
    void activate(BundleContext context) {
        String encoded = context.getProperty(Handover.ARGV);
        if (encoded == null) {
            return;
        }
        Path cwd = Path.of(context.getProperty(Handover.CWD));
        OpenVpnConfig config;
        try {
            config = SupportCheck.check(ConfigParser.parseCommandLine(Handover.decode(encoded), cwd));
            FileAccessCheck.check(config);
        } catch (ConfigException e) {
            // The boot launcher checked this already; it can only fail here if a file changed
            // in between. Same report, same status.
            logger.error(e.getMessage());
            stop(context, 2);
            return;
        }
        log = new VerbLog(logger, config.verb());
        running = true;
        long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        long readyMillis = System.currentTimeMillis() - startedAt;
        log.info(1, new VersionInfo().banner());
        if (log.enabled(SettingsListing.VERB)) {
            SettingsListing.lines(config).forEach(l -> log.info(SettingsListing.VERB, l));
        }
        log.info(1, "Instance state in " + context.getProperty(Handover.STATE_DIR));
        log.info(1, String.format("Start-up complete in %d.%03d s", readyMillis / 1000, readyMillis % 1000));
    }

    @Deactivate
    void deactivate() {
        if (!running) {
            return;
        }
        String signal = System.getProperty(Handover.SIGNAL);
        log.info(1, (signal == null ? "SIGTERM" : signal) + "[hard,] received, process exiting");
    }

    /** Stops the container from a thread of its own; the JVM then exits with {@code status}. */
    private static void stop(BundleContext context, int status) {
        System.setProperty(Handover.EXIT_STATUS, Integer.toString(status));
        Thread t = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                // Already stopping.
            }
        }, "sluice-stop");
        t.start();
    }
}
