package io.sluice.bench.lab;

import io.sluice.bench.handshake.HandshakeLoadMain;
import io.sluice.itests.interop.InteropConfigs;
import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.TwoNamespaceLab;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.TestPki;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A server (OpenVPN or Sluice) in one namespace and, in the other, the load generator: a JVM of
 * Sluice client sessions ({@link HandshakeLoadMain}) started from this harness's own class path.
 * What the handshake and scale figures are taken on; closing it removes everything.
 */
final class LoadLab implements AutoCloseable {

    /**
     * On top of the tunnel benchmark's server: every session uses the same client certificate;
     * a /16 pool, since sessions closed without exit notification keep their address until the
     * server times them out; and the answer rate to new sessions ({@code connect-freq-initial},
     * 100 per 10 s by default in both servers) raised so far that it does not set the pace;
     * max-clients (1024 by default) raised for the scale run's 10,000 sessions.
     */
    private static final String[] SERVER_EXTRA = {"data-ciphers AES-256-GCM", "verb 3", "duplicate-cn",
        "server 10.8.0.0 255.255.0.0", "connect-freq-initial 1000000 10", "max-clients 20000"};

    private final NetLab lab;
    private final Ns clientNs;
    private final String address;
    private final TestPki pki;
    final NsProcess server;

    private LoadLab(NetLab lab, Ns clientNs, String address, TestPki pki, NsProcess server) {
        this.lab = lab;
        this.clientNs = clientNs;
        this.address = address;
        this.pki = pki;
        this.server = server;
    }

    static LoadLab open(String name, Implementation serverImplementation) throws InterruptedException {
        TwoNamespaceLab two = TwoNamespaceLab.open(name);
        try {
            NsProcess server = serverImplementation.start(two.lab(), two.serverNs(), "server-" + serverImplementation.label,
                    InteropConfigs.server("udp", two.serverAddress(), two.pki(), two.pki().server("server"),
                            SERVER_EXTRA));
            return new LoadLab(two.lab(), two.clientNs(), two.serverAddress(), two.pki(), server);
        } catch (InterruptedException | RuntimeException | Error e) {
            two.close();
            throw e;
        }
    }

    /** Starts the generator; see {@link HandshakeLoadMain} for what it does and prints. */
    NsProcess startGenerator(int sessions, int concurrency, int holdSeconds) {
        IssuedCert alice = pki.client("alice");
        return lab.start(clientNs, "load-generator", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", absoluteClassPath(), HandshakeLoadMain.class.getName(),
                address, "1194", pki.caCert().toString(), alice.cert().toString(), alice.key().toString(),
                Integer.toString(sessions), Integer.toString(concurrency), Integer.toString(holdSeconds)),
                Map.of(), lab.dir());
    }

    /** This JVM's class path with absolute entries: the generator runs in the lab's directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Override
    public void close() {
        lab.close();
    }
}
