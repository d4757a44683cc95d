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
 * Debian's {@code openvpn} (2.6) running in a namespace with a config written by the test.
 *
 * <p>The config is saved next to the log ({@code <lab dir>/<name>.conf}) so a failed run can be
 * replayed by hand. Unless the config says otherwise, {@code disable-dco} is added (the ovpn-dco
 * kernel module may be missing, and the interop tests are about the classic TUN data path that Sluice
 * also uses) and OpenVPN runs at {@code --verb 3}, enough to see the handshake and negotiated cipher.
 *
 * <pre>{@code
 * OpenVpnPeer server = OpenVpnPeer.start(lab, serverNs, "server", """
 *         dev tun
 *         proto udp
 *         ...
 *         """);   // returns after "Initialization Sequence Completed"
 * }</pre>
 */
public final class OpenVpnPeer {

    /** What OpenVPN logs when it is up: a server listening, a client connected with routes set. */
    public static final Pattern READY = Pattern.compile("Initialization Sequence Completed");

    /** Long enough for a TLS handshake on a loaded 2-core CI machine, short enough to fail fast. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

    private final NsProcess process;
    private final Path configFile;
    private final String config;

    private OpenVpnPeer(NsProcess process, Path configFile, String config) {
        this.process = process;
        this.configFile = configFile;
        this.config = config;
    }

    /** Starts OpenVPN and waits for {@link #READY}; fails with OpenVPN's last log lines if it does not come. */
    public static OpenVpnPeer start(NetLab lab, Ns ns, String name, String config) throws InterruptedException {
        OpenVpnPeer peer = launch(lab, ns, name, config);
        peer.awaitReady(DEFAULT_READY_TIMEOUT);
        return peer;
    }

    /** Starts OpenVPN without waiting (for tests that expect it to fail, or to start several at once). */
    public static OpenVpnPeer launch(NetLab lab, Ns ns, String name, String config) {
        return launch(lab, ns, name, config, false);
    }

    /**
     * Starts Debian 11's OpenVPN 2.5, which {@code itests/host-setup} unpacks aside (it cannot be
     * installed next to 2.6), and waits for {@link #READY}. With {@code ncp-disable} it is a peer
     * without cipher negotiation, as OpenVPN 2.3 and 2.4 peers are; 2.6 no longer has that option.
     */
    public static OpenVpnPeer startVersion25(NetLab lab, Ns ns, String name, String config)
            throws InterruptedException {
        OpenVpnPeer peer = launch(lab, ns, name, config, true);
        peer.awaitReady(DEFAULT_READY_TIMEOUT);
        return peer;
    }

    /** As {@link #startVersion25}, without waiting: for a peer that is expected to be refused. */
    public static OpenVpnPeer launchVersion25(NetLab lab, Ns ns, String name, String config) {
        return launch(lab, ns, name, config, true);
    }

    /** Where host-setup unpacked OpenVPN 2.5 (SLUICE_LEGACY_OPENVPN overrides it, as there). */
    static Path version25Root() {
        Path root = Path.of(System.getenv().getOrDefault("SLUICE_LEGACY_OPENVPN",
                "/var/cache/sluice-itests/openvpn-bullseye"));
        if (!Files.isExecutable(root.resolve("usr/sbin/openvpn"))) {
            throw new IllegalStateException("OpenVPN 2.5 is missing from " + root + ": run itests/host-setup");
        }
        return root;
    }

    private static OpenVpnPeer launch(NetLab lab, Ns ns, String name, String config, boolean version25) {
        String full = withDefaults(config, !version25);
        Path file = lab.dir().resolve(NetLab.safe(name, 80) + ".conf");
        try {
            Files.writeString(file, full, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NsProcess p;
        if (version25) {
            Path root = version25Root();
            p = lab.start(ns, name, List.of(root.resolve("usr/sbin/openvpn").toString(), "--config", file.toString()),
                    Map.of("LD_LIBRARY_PATH", root.resolve("usr/lib/x86_64-linux-gnu").toString()), lab.dir());
        } else {
            p = lab.start(ns, name, List.of("openvpn", "--config", file.toString()), Map.of(), lab.dir());
        }
        return new OpenVpnPeer(p, file, full);
    }

    static String withDefaults(String config) {
        return withDefaults(config, true);
    }

    /** @param dco whether this OpenVPN knows data-channel offload (2.6), so that it can be turned off */
    static String withDefaults(String config, boolean dco) {
        StringBuilder sb = new StringBuilder(config);
        if (!config.endsWith("\n")) {
            sb.append('\n');
        }
        if (dco && !hasOption(config, "disable-dco")) {
            sb.append("# added by the test harness: use the kernel TUN path, not ovpn-dco\ndisable-dco\n");
        }
        if (!hasOption(config, "verb")) {
            sb.append("verb 3\n");
        }
        return sb.toString();
    }

    private static boolean hasOption(String config, String option) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(option) + "(\\s|$)").matcher(config).find();
    }

    /** Waits for {@link #READY}. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        process.awaitLine(READY, timeout);
    }

    public NsProcess process() {
        return process;
    }

    public Path configFile() {
        return configFile;
    }

    /** The config as written, harness defaults included; handy for starting a variant of this peer. */
    public String config() {
        return config;
    }

    /** Waits for a log line, failing with OpenVPN's last lines. */
    public String awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
        return process.awaitLine(pattern, timeout);
    }

    /** Stops OpenVPN (SIGTERM: it tears its TUN device down and exits). */
    public int stop() {
        return process.stop(Duration.ofSeconds(5));
    }

    /** A path as an OpenVPN config argument: double-quoted, so spaces in the build path cannot break it. */
    public static String quote(Path p) {
        String s = p.toAbsolutePath().toString();
        if (s.contains("\"") || s.contains("\\")) {
            throw new IllegalArgumentException("path not usable in an OpenVPN config: " + s);
        }
        return "\"" + s + "\"";
    }
}
