package io.sluice.itests.tls;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sluice.api.cert.PeerRole;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemPrivateKeys;
import io.sluice.core.tls.RemoteCertUsage;
import io.sluice.core.tls.TlsEndpoint;
import io.sluice.core.tls.TlsEndpointFactory;
import io.sluice.core.tls.TlsSettings;
import io.sluice.core.tls.TlsState;
import io.sluice.core.tls.TlsVersion;
import io.sluice.itests.net.Commands;
import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.TestPki;

/**
 * Sluice's TLS endpoint against OpenSSL 3 (what OpenVPN 2.6 links), over real loopback TCP
 * sockets: Sluice as server with {@code openssl s_client} presenting a client certificate, and
 * Sluice as client with {@code openssl s_server} requiring one. Each run forces one TLS version,
 * exchanges a line of application data each way, checks both sides agree on version and suite, and
 * that {@code -keymatexport EXPORTER-OpenVPN-datakeys -keymatexportlen 256} prints exactly what the
 * endpoint exports: the proof that {@code key-derivation tls-ekm} interoperates.
 *
 * <p>The test adapts the byte-oriented endpoint to the socket itself (read, {@code receive},
 * {@code takeOutput}, write), as the reliability layer will with control packets. Socket and
 * process timeouts only stop a broken run from hanging; nothing asserts on durations.
 */
class OpenSslTlsIT {

    private static final String LABEL = "EXPORTER-OpenVPN-datakeys";
    private static final int EKM_LENGTH = 256;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern KEYING_MATERIAL = Pattern.compile("^\\s*Keying material: ([0-9A-Fa-f]+)\\s*$");

    @TempDir
    Path dir;

    private String openssl;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void requireOpenssl() {
        openssl = Commands.find("openssl").map(Path::toString).orElseThrow(() -> new AssertionError(
                "this interop test needs the openssl command (OpenSSL 3, as Debian's OpenVPN 2.6 uses;"
                        + " apt-get install openssl): not found on PATH or in the system directories"));
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static List<Arguments> versionsAndKeys() {
        return List.of(
                Arguments.of(TlsVersion.TLS_1_2, TestPki.KeyType.EC_P256, "ECDHE-ECDSA-AES256-GCM-SHA384"),
                Arguments.of(TlsVersion.TLS_1_2, TestPki.KeyType.RSA_2048, "ECDHE-RSA-AES256-GCM-SHA384"),
                Arguments.of(TlsVersion.TLS_1_3, TestPki.KeyType.EC_P256, "TLS_AES_256_GCM_SHA384"),
                Arguments.of(TlsVersion.TLS_1_3, TestPki.KeyType.RSA_2048, "TLS_AES_256_GCM_SHA384"));
    }

    @ParameterizedTest(name = "{0}, {1} keys")
    @MethodSource("versionsAndKeys")
    void sluiceServerWithOpensslClient(TlsVersion version, TestPki.KeyType keys, String expectedCipher) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), keys);
        IssuedCert serverCert = pki.server("sluice-server");
        IssuedCert clientCert = pki.client("openssl-client");
        TlsSettings settings = TlsSettings.builder("it").trustAnchors(PemCertificates.read(pki.caCert()))
                .credentials(PemCertificates.read(serverCert.cert()), PemPrivateKeys.read(serverCert.key()))
                .remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.CLIENT)).build();
        TlsEndpoint endpoint = TlsEndpointFactory.server(settings, Clock.systemUTC(), new SecureRandom()).newEndpoint();

        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout((int) PATIENCE.toMillis());
            Output openssl = start(List.of(this.openssl, "s_client", "-connect", "127.0.0.1:" + listener.getLocalPort(),
                    version == TlsVersion.TLS_1_3 ? "-tls1_3" : "-tls1_2",
                    "-CAfile", pki.caCert().toString(), "-verify_return_error",
                    "-cert", clientCert.cert().toString(), "-key", clientCert.key().toString(),
                    "-keymatexport", LABEL, "-keymatexportlen", Integer.toString(EKM_LENGTH)));
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout((int) PATIENCE.toMillis());
                runSession(endpoint, socket, openssl, version, expectedCipher,
                        "New, " + version.openSslName() + ", Cipher is " + expectedCipher);
                assertEquals("openssl-client", endpoint.session().orElseThrow().peerCommonName().orElseThrow());
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1} keys")
    @MethodSource("versionsAndKeys")
    void sluiceClientWithOpensslServer(TlsVersion version, TestPki.KeyType keys, String expectedCipher) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"), keys);
        IssuedCert serverCert = pki.server("openssl-server");
        IssuedCert clientCert = pki.client("sluice-client");
        TlsSettings settings = TlsSettings.builder("it").trustAnchors(PemCertificates.read(pki.caCert()))
                .credentials(PemCertificates.read(clientCert.cert()), PemPrivateKeys.read(clientCert.key()))
                .remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.SERVER)).build();
        TlsEndpoint endpoint = TlsEndpointFactory.client(settings, Clock.systemUTC(), new SecureRandom()).newEndpoint();

        Output openssl = start(List.of(this.openssl, "s_server", "-accept", "127.0.0.1:0", "-naccept", "1",
                version == TlsVersion.TLS_1_3 ? "-tls1_3" : "-tls1_2",
                "-cert", serverCert.cert().toString(), "-key", serverCert.key().toString(),
                "-CAfile", pki.caCert().toString(), "-Verify", "1", "-verify_return_error",
                "-keymatexport", LABEL, "-keymatexportlen", Integer.toString(EKM_LENGTH)));
        Matcher accept = Pattern.compile("^ACCEPT 127\\.0\\.0\\.1:(\\d+)$").matcher(
                openssl.await(l -> l.startsWith("ACCEPT "), "s_server listening"));
        assertTrue(accept.matches(), "unexpected s_server output: " + openssl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(accept.group(1))),
                    (int) PATIENCE.toMillis());
            socket.setSoTimeout((int) PATIENCE.toMillis());
            runSession(endpoint, socket, openssl, version, expectedCipher, "CIPHER is " + expectedCipher);
            assertEquals("openssl-server", endpoint.session().orElseThrow().peerCommonName().orElseThrow());
        }
    }

    /**
     * Handshake, a line each way, the version/suite agreement and the exported keying material,
     * then an orderly close.
     */
    private void runSession(TlsEndpoint endpoint, Socket socket, Output openssl, TlsVersion version,
            String expectedCipher, String opensslCipherLine) throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();

        pumpUntil(endpoint, in, out, e -> e.state() == TlsState.ESTABLISHED, openssl, "the handshake");
        assertEquals(version, endpoint.session().orElseThrow().version());
        assertEquals(expectedCipher, endpoint.session().orElseThrow().cipherSuite().openSslName());
        openssl.await(l -> l.contains(opensslCipherLine), "openssl reporting " + opensslCipherLine);

        endpoint.send("hello from sluice\n".getBytes(US_ASCII));
        flush(endpoint, out);
        openssl.await(l -> l.equals("hello from sluice"), "openssl printing the line Sluice sent");

        openssl.stdin().write("hello from openssl\n".getBytes(US_ASCII));
        openssl.stdin().flush();
        StringBuilder received = new StringBuilder();
        pumpUntil(endpoint, in, out, e -> {
            received.append(new String(e.takeApplicationData(), US_ASCII));
            return received.toString().contains("\n");
        }, openssl, "the line from openssl");
        assertEquals("hello from openssl\n", received.toString());

        String printed = openssl.await(l -> KEYING_MATERIAL.matcher(l).matches(), "openssl's -keymatexport output");
        Matcher m = KEYING_MATERIAL.matcher(printed);
        assertTrue(m.matches());
        assertEquals(m.group(1).toUpperCase(java.util.Locale.ROOT),
                HexFormat.of().withUpperCase().formatHex(endpoint.exportKeyingMaterial(LABEL, EKM_LENGTH)),
                "RFC 5705 keying material (tls-ekm) must match OpenSSL's");
        assertTrue(endpoint.state() == TlsState.ESTABLISHED, () -> "still established: " + endpoint);

        endpoint.close();
        flush(endpoint, out);
    }

    /** Moves bytes between the socket and the endpoint until {@code done} holds. */
    private static void pumpUntil(TlsEndpoint endpoint, InputStream in, OutputStream out, Predicate<TlsEndpoint> done,
            Output openssl, String what) throws IOException {
        byte[] buffer = new byte[16 * 1024 + 512];
        flush(endpoint, out);
        while (!done.test(endpoint)) {
            if (endpoint.state() == TlsState.FAILED || endpoint.state() == TlsState.CLOSED) {
                fail("waiting for " + what + ": endpoint " + endpoint.state() + ", " + endpoint.failure().orElse(null)
                        + "\nverification: " + endpoint.verificationLog() + "\nopenssl said:\n" + openssl);
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no data from openssl while waiting for " + what + "; openssl said:\n" + openssl, e);
            }
            if (n < 0) {
                fail("openssl closed the connection while waiting for " + what + "; endpoint " + endpoint
                        + "\nopenssl said:\n" + openssl);
            }
            endpoint.receive(buffer, 0, n);
            flush(endpoint, out);
        }
    }

    private static void flush(TlsEndpoint endpoint, OutputStream out) throws IOException {
        byte[] bytes = endpoint.takeOutput();
        if (bytes.length > 0) {
            out.write(bytes);
            out.flush();
        }
    }

    private Output start(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        return new Output(p);
    }

    /** A process's merged stdout/stderr, collected line by line on a daemon thread. */
    private static final class Output {
        private final Process process;
        private final List<String> lines = new ArrayList<>();

        Output(Process process) {
            this.process = process;
            Thread reader = new Thread(this::collect, "openssl-output");
            reader.setDaemon(true);
            reader.start();
        }

        OutputStream stdin() {
            return process.getOutputStream();
        }

        private void collect() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), US_ASCII))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read is kept
            }
            synchronized (this) {
                notifyAll();
            }
        }

        /** The first line matching, waiting for it; fails when the process ends without printing it. */
        synchronized String await(Predicate<String> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("openssl never printed " + what + "; it said:\n" + this);
                }
                if (!process.isAlive() && seen == lines.size()) {
                    // Let the reader drain what the process wrote before it exited.
                    wait(100);
                    if (seen == lines.size()) {
                        throw new AssertionError("openssl exited (" + process.exitValue() + ") without printing "
                                + what + "; it said:\n" + this);
                    }
                    continue;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
        }

        @Override
        public synchronized String toString() {
            return String.join("\n", lines);
        }
    }
}
