package io.sluice.launcher.internal;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.FileAccessCheck;
import io.sluice.config.Mode;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.SupportCheck;
import io.sluice.config.TlsRole;
import io.sluice.core.engine.CryptoSelfTest;
import io.sluice.core.engine.Prompt;
import io.sluice.core.engine.TlsListing;
import io.sluice.core.engine.Tunnel;
import io.sluice.core.engine.TunnelEngine;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pki.PkiException;
import io.sluice.launcher.boot.Handover;
import io.sluice.launcher.boot.VersionInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The instance {@code bin/sluice} started this container for. In a container started any
 * other way (bin/karaf) there are no launcher arguments and it does nothing.
 */
@Component(immediate = true, service = {})
public final class InstanceRunner {

    /** Exit status for a configuration that cannot run as written, as for parse errors. */
    private static final int EXIT_CONFIG_ERROR = 2;
    /** Exit status when the system refuses (TUN device, socket in use, missing capability). */
    private static final int EXIT_FAILURE = 1;

    @Reference
    private TunnelEngine engine;

    // For --show-ciphers / --show-digests: whatever provider bundles are installed now.
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<CipherProvider> cipherProviders;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DigestProvider> digestProviders;

    private TunnelLog log;
    private Tunnel tunnel;
    private volatile boolean running;

    @Activate
    void activate(BundleContext context) {
        String encoded = context.getProperty(Handover.ARGV);
        if (encoded == null) {
            return;
        }
        List<String> argv = Handover.decode(encoded);
        Path cwd = Path.of(context.getProperty(Handover.CWD));
        OpenVpnConfig config;
        String pkiInitHost = context.getProperty(Handover.PKI_INIT);
        try {
            config = SupportCheck.check(ConfigParser.parseCommandLine(argv, cwd));
        } catch (ConfigException e) {
            // The boot launcher checked this already; it can only fail here if a file changed
            // in between. Same report, same status.
            System.err.println(e.getMessage());
            stop(context, EXIT_CONFIG_ERROR);
            return;
        }
        if (config.has("show-ciphers") || config.has("show-digests") || config.has("show-tls")) {
            // Standalone, as in OpenVPN: list and exit.
            if (config.has("show-ciphers")) {
                System.out.print(CryptoListing.ciphers(copy(cipherProviders)));
            }
            if (config.has("show-digests")) {
                System.out.print(CryptoListing.digests(copy(digestProviders)));
            }
            if (config.has("show-tls")) {
                System.out.print(TlsListing.text());
            }
            System.out.flush();
            stop(context, 0);
            return;
        }
        if (config.has("genkey")) {
            // Standalone, as in OpenVPN: write the key and exit.
            standalone(context, () -> GenKey.run(config, System.out, System.err));
            return;
        }
        log = TunnelLog.forVerb(config.verb())
                .withMute(config.last("mute").map(l -> Integer.parseInt(l.args().get(0))).orElse(0));
        if (config.has("test-crypto")) {
            standalone(context, () -> CryptoSelfTest.run(config, engine.crypto(), log));
            return;
        }
        try {
            if (pkiInitHost != null) {
                PkiInit.run(config, pkiInitHost, log);
            }
            FileAccessCheck.check(config);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            stop(context, EXIT_CONFIG_ERROR);
            return;
        } catch (PkiException e) {
            log.error("PKI: " + e.getMessage());
            stop(context, EXIT_FAILURE);
            return;
        }
        running = true;
        log.info(Verb.INFO, new VersionInfo().banner());
        if (log.enabled(SettingsListing.VERB)) {
            SettingsListing.lines(config).forEach(l -> log.info(SettingsListing.VERB, l));
        }
        log.info(Verb.MULTI, "Instance state in " + context.getProperty(Handover.STATE_DIR));
        if (config.mode() != Mode.SERVER && config.controlChannel().role() != TlsRole.CLIENT
                && config.controlChannel().secret().isEmpty()) {
            // Neither a server, a client nor a static-key peer (OpenVPN would run an unencrypted
            // tunnel, which Sluice does not): the container idles until stopped.
            log.info(Verb.MULTI, "No server, client or static key in the configuration: nothing to run");
            logReady();
            return;
        }
        try {
            tunnel = engine.start(config, instanceName(argv), log, Prompt.console());
        } catch (ConfigException e) {
            // As the boot launcher reports it: exactly one line on standard error, status 2.
            running = false;
            System.err.println(e.getMessage());
            stop(context, EXIT_CONFIG_ERROR);
            return;
        } catch (IOException | RuntimeException e) {
            log.error("Exiting due to fatal error: " + e.getMessage());
            stop(context, EXIT_FAILURE);
            return;
        }
        // A client ends by itself (AUTH_FAILED, HALT, connect-retry-max), a static-key peer on
        // ping-exit: the process ends with it.
        tunnel.ended().thenAccept(status -> {
            if (running) {
                running = false;
                stop(context, status);
            }
        });
        logReady();
    }

    /** Start-up to ready, measured from the JVM's start (the target is 3 s on two cores). */
    private void logReady() {
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info(Verb.INFO, String.format("Start-up complete in %d.%03d s", readyMillis / 1000, readyMillis % 1000));
    }

    /** What a standalone option ({@code --genkey}, {@code --test-crypto}) does; returns the exit status. */
    @FunctionalInterface
    private interface Standalone {
        int run() throws ConfigException;
    }

    /** Runs a standalone option and stops the container with its status, as OpenVPN exits after one. */
    private static void standalone(BundleContext context, Standalone action) {
        int status;
        try {
            status = action.run();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            status = EXIT_CONFIG_ERROR;
        }
        stop(context, status);
    }

    /** A dynamic reference's current list, copied before use (it may be replaced at any time). */
    private static <T> List<T> copy(List<T> services) {
        return services == null ? List.of() : List.copyOf(services);
    }

    /** The instance's name: its configuration file's name without the extension, as in OpenVPN's unit names. */
    static String instanceName(List<String> argv) {
        for (int i = argv.size() - 2; i >= 0; i--) {
            if (argv.get(i).equals("--config")) {
                String file = Path.of(argv.get(i + 1)).getFileName().toString();
                int dot = file.lastIndexOf('.');
                return dot > 0 ? file.substring(0, dot) : file;
            }
        }
        return "sluice";
    }

    @Deactivate
    void deactivate() {
        if (!running) {
            return;
        }
        running = false;
        if (tunnel != null) {
            tunnel.close();
            tunnel = null;
        }
        String signal = System.getProperty(Handover.SIGNAL);
        log.info(Verb.INFO, (signal == null ? "SIGTERM" : signal) + "[hard,] received, process exiting");
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
