package io.sluice.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** bin/sluice, the OpenVPN-style launcher, run as a real process from the built distribution. */
@Timeout(120)
class LauncherIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Start-up complete in \\d+\\.\\d{3} s$");
    private static final Pattern STATE = Pattern.compile("Instance state in (\\S+)$");

    @TempDir
    Path dir;

    @BeforeAll
    static void requirements() {
        Preconditions.requireRootAndTun();
        SluiceHome.dir();
    }

    @Test
    void twoInstancesRunAtOnceInTwoNamespacesEachWithItsOwnStateAndStopCleanlyOnSignals() throws Exception {
        Path stateRoot = dir.resolve("state");
        Files.writeString(dir.resolve("server.conf"), "# minimal\nverb 3\n");
        Files.writeString(dir.resolve("client.conf"), "verb 3\n");
        Map<String, String> env = Map.of("SLUICE_STATE_DIR", stateRoot.toString());
        try (NetLab lab = NetLab.open("LauncherIT-two")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            lab.link(serverNs, clientNs);
            NsProcess server = lab.start(serverNs, "sluice-server",
                    List.of(SluiceHome.binSluice(), "--config", "server.conf"), env, dir);
            NsProcess client = lab.start(clientNs, "sluice-client",
                    List.of(SluiceHome.binSluice(), "--config", "client.conf"), env, dir);

            server.awaitLine(READY, START);
            client.awaitLine(READY, START);
            Path serverState = statePath(server);
            Path clientState = statePath(client);
            assertNotEquals(serverState, clientState, "each instance has its own runtime state");
            assertEquals(stateRoot, serverState.getParent());
            assertEquals(stateRoot, clientState.getParent());
            assertTrue(Files.isDirectory(serverState.resolve("data")));
            assertTrue(Files.isDirectory(clientState.resolve("etc")));

            signal(server, "TERM");
            assertEquals(0, exitWithin(server, Duration.ofSeconds(30)), server.tail(20));
            server.awaitLine(Pattern.compile("SIGTERM\\[hard,\\] received, process exiting$"), Duration.ofSeconds(1));
            assertFalse(Files.exists(serverState), "a stopped instance removes its state");
            assertTrue(client.isAlive(), "stopping one instance leaves the other running");
            assertTrue(Files.isDirectory(clientState), "and leaves its state alone");

            signal(client, "INT");
            assertEquals(0, exitWithin(client, Duration.ofSeconds(30)), client.tail(20));
            client.awaitLine(Pattern.compile("SIGINT\\[hard,\\] received, process exiting$"), Duration.ofSeconds(1));
            assertFalse(Files.exists(clientState));
            for (NsProcess p : List.of(server, client)) {
                assertFalse(p.output().contains("Exception"), p.name() + " printed a stack trace:\n" + p.output());
            }
        }
    }

    @Test
    void optionsOnTheCommandLineMergeOverTheFileAndVerbIsHonoured() throws Exception {
        Files.writeString(dir.resolve("server.conf"), "verb 1\n");
        Map<String, String> env = Map.of("SLUICE_STATE_DIR", dir.resolve("state").toString());
        try (NetLab lab = NetLab.open("LauncherIT-merge")) {
            Ns ns = lab.namespace("server");
            NsProcess quiet = lab.start(ns, "verb1", List.of(SluiceHome.binSluice(), "--config", "server.conf"), env, dir);
            quiet.awaitLine(READY, START);
            signal(quiet, "TERM");
            assertEquals(0, exitWithin(quiet, Duration.ofSeconds(30)));
            assertFalse(quiet.output().contains("Current Parameter Settings:"), "verb 1 does not list settings");

            NsProcess verbose = lab.start(ns, "verb4",
                    List.of(SluiceHome.binSluice(), "--config", "server.conf", "--verb", "4"), env, dir);
            verbose.awaitLine(READY, START);
            // The later --verb 4 wins over the file's verb 1: the instance lists its settings,
            // as OpenVPN does from verb 4, showing both lines and where each came from.
            verbose.awaitLine("Current Parameter Settings:", Duration.ofSeconds(1));
            verbose.awaitLine(Pattern.compile("  verb 1   \\(server\\.conf:1\\)$"), Duration.ofSeconds(1));
            verbose.awaitLine(Pattern.compile("  verb 4   \\(command line\\)$"), Duration.ofSeconds(1));
            signal(verbose, "TERM");
            assertEquals(0, exitWithin(verbose, Duration.ofSeconds(30)));
        }
    }

    @Test
    void aConfigurationErrorIsOneLineOnStandardErrorAndExitStatus2() throws Exception {
        Files.writeString(dir.resolve("server.conf"), "verb 3\n\n# the next line is wrong\ncipher AES-999-GCM\n");
        Result r = run("--config", "server.conf");
        assertEquals(2, r.status);
        assertEquals("server.conf:4: option 'cipher': unknown cipher 'AES-999-GCM'\n", r.stderr);
        assertEquals("", r.stdout);
    }

    @Test
    void showCiphersAndShowDigestsListWhatTheInstalledProvidersOfferInOpenVpnsLayoutAndNames() throws Exception {
        Result ciphers = run("--show-ciphers");
        assertEquals(0, ciphers.status, ciphers.stderr);
        String openvpn = io.sluice.itests.net.Commands.run(Duration.ofSeconds(30),
                io.sluice.itests.net.Commands.path("openvpn"), "--show-ciphers").output();
        for (String line : List.of("AES-256-GCM  (256 bit key, 128 bit block, TLS client/server mode only)",
                "AES-128-GCM  (128 bit key, 128 bit block, TLS client/server mode only)",
                "AES-256-CBC  (256 bit key, 128 bit block)",
                "CHACHA20-POLY1305  (256 bit key, stream cipher, TLS client/server mode only)")) {
            assertTrue(ciphers.stdout.contains(line + "\n"), ciphers.stdout);
            assertTrue(openvpn.contains(line), "OpenVPN describes it the same way: " + line);
        }
        Result tls = run("--show-tls");
        assertEquals(0, tls.status, tls.stderr);
        String openvpnTls = io.sluice.itests.net.Commands.run(Duration.ofSeconds(30),
                io.sluice.itests.net.Commands.path("openvpn"), "--show-tls").output();
        for (String suite : List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384", "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")) {
            assertTrue(tls.stdout.contains(suite + "\n"), tls.stdout);
            assertTrue(openvpnTls.contains(suite), "OpenVPN names it the same way: " + suite);
        }
        Result digests = run("--show-digests");
        assertEquals(0, digests.status, digests.stderr);
        for (String line : List.of("SHA1 160 bit digest size", "SHA256 256 bit digest size",
                "SHA512 512 bit digest size")) {
            assertTrue(digests.stdout.contains(line + "\n"), digests.stdout);
        }
    }

    @Test
    void testCryptoRunsTheLoopbackSelfTestForEveryInstalledCipherOnAKeyOpenVpnMade() throws Exception {
        Path key = io.sluice.itests.net.OpenVpnKeys.genkey(io.sluice.itests.net.OpenVpnKeys.Kind.SECRET,
                dir.resolve("static.key"));
        Result all = run("--test-crypto", "--secret", key.toString());
        assertEquals(0, all.status, all.stdout + all.stderr);
        for (String cipher : List.of("AES-256-GCM", "AES-128-CBC", "CHACHA20-POLY1305", "BF-CBC", "DES-EDE3-CBC")) {
            assertTrue(all.stdout.contains("Cipher '" + cipher + "' ("), all.stdout);
        }
        assertTrue(all.stdout.contains("Sluice crypto self-test mode SUCCEEDED."), all.stdout);

        // One cipher, as OpenVPN's --test-crypto is run: every packet length is logged.
        Result one = run("--test-crypto", "--secret", key.toString(), "--cipher", "AES-256-CBC", "--auth", "SHA512");
        assertEquals(0, one.status, one.stderr);
        assertTrue(one.stdout.contains("TESTING ENCRYPT/DECRYPT of packet length=1500"), one.stdout);
        assertTrue(one.stdout.contains("Cipher 'AES-256-CBC' (auth SHA512): OK"), one.stdout);
    }

    @Test
    void genkeyWritesAStaticKeyThatOpenVpnReadsOwnerOnlyAndNeverOverwritesOne() throws Exception {
        Result r = run("--genkey", "tls-crypt", "tc.key");
        assertEquals(0, r.status, r.stderr);
        Path key = dir.resolve("tc.key");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
        // OpenVPN's own loopback self-test reads the file as a static key and runs the data channel on it.
        io.sluice.itests.net.CommandResult selfTest = io.sluice.itests.net.Commands.run(Duration.ofSeconds(60),
                List.of(io.sluice.itests.net.Commands.path("openvpn"), "--test-crypto", "--secret", key.toString(),
                        "--cipher", "AES-256-CBC", "--verb", "3"));
        assertEquals(0, selfTest.exitCode(), selfTest.output());
        assertTrue(selfTest.output().contains("OpenVPN crypto self-test mode"), selfTest.output());
        assertTrue(selfTest.output().contains("TESTING ENCRYPT/DECRYPT of packet length=1"), selfTest.output());

        String before = Files.readString(key);
        Result again = run("--genkey", "--secret", "tc.key");
        assertEquals(1, again.status);
        assertTrue(again.stderr.contains("already exists; not overwritten"), again.stderr);
        assertEquals(before, Files.readString(key), "the existing key is untouched");

        Result toStdout = run("--genkey", "secret");
        assertEquals(0, toStdout.status, toStdout.stderr);
        assertTrue(toStdout.stdout.contains("-----BEGIN OpenVPN Static key V1-----"), toStdout.stdout);
    }

    @Test
    void genkeyWritesTlsCryptV2KeysThatOpenVpnReadsAndNeverOverwritesOne() throws Exception {
        Result server = run("--genkey", "tls-crypt-v2-server", "v2-server.key");
        assertEquals(0, server.status, server.stderr);
        Result client = run("--tls-crypt-v2", "v2-server.key", "--genkey", "tls-crypt-v2-client", "v2-client.key",
                "c2x1aWNl");
        assertEquals(0, client.status, client.stderr);
        for (String name : List.of("v2-server.key", "v2-client.key")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
        // OpenVPN wraps a client key of its own under our server key, which means it read it.
        io.sluice.itests.net.CommandResult wrap = io.sluice.itests.net.Commands.run(Duration.ofSeconds(60),
                List.of(io.sluice.itests.net.Commands.path("openvpn"), "--tls-crypt-v2",
                        dir.resolve("v2-server.key").toString(), "--genkey", "tls-crypt-v2-client",
                        dir.resolve("openvpn-client.key").toString()));
        assertEquals(0, wrap.exitCode(), wrap.output());

        String before = Files.readString(dir.resolve("v2-client.key"));
        Result again = run("--tls-crypt-v2", "v2-server.key", "--genkey", "tls-crypt-v2-client", "v2-client.key");
        assertEquals(1, again.status);
        assertTrue(again.stderr.contains("already exists; not overwritten"), again.stderr);
        assertEquals(before, Files.readString(dir.resolve("v2-client.key")), "the existing key is untouched");

        Result noServerKey = run("--genkey", "tls-crypt-v2-client", "other.key");
        assertTrue(noServerKey.status != 0);
        assertTrue(noServerKey.stderr.contains("--genkey tls-crypt-v2-client requires a server key to be set via"
                + " --tls-crypt-v2"), noServerKey.stderr);

        Result toStdout = run("--tls-crypt-v2", "v2-server.key", "--genkey", "tls-crypt-v2-client");
        assertEquals(0, toStdout.status, toStdout.stderr);
        assertTrue(toStdout.stdout.startsWith("-----BEGIN OpenVPN tls-crypt-v2 client key-----\n"), toStdout.stdout);
    }

    @Test
    void theReadmeCommandStartsTheSampleServerWithAGeneratedPkiThatStockOpenVpnConnectsWith() throws Exception {
        // README.md: bin/sluice --config samples/server.conf --pki-init [HOST], then openvpn --config pki/client1.ovpn
        Path sample = SluiceHome.dir().resolve("samples/server.conf");
        try (NetLab lab = NetLab.open("LauncherIT-readme")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            Map<String, String> env = Map.of("SLUICE_STATE_DIR", dir.resolve("state").toString());
            List<String> command = List.of(SluiceHome.binSluice(), "--config", sample.toString(), "--pki-init",
                    link.a().v4());
            NsProcess first = lab.start(serverNs, "sluice-first", command, env, dir);
            first.awaitLine("Initialization Sequence Completed", START);
            first.awaitLine(Pattern.compile("PKI: generated a new CA"), Duration.ofSeconds(1));
            Path profile = dir.resolve("pki/client1.ovpn");
            assertTrue(Files.isRegularFile(profile), "client profile written");
            String ca = Files.readString(dir.resolve("pki/ca.crt"));

            OpenVpnPeer client = OpenVpnPeer.start(lab, clientNs, "openvpn",
                    Files.readString(profile));
            client.awaitLog(Pattern.compile("Data Channel: cipher 'AES-256-GCM'"), Duration.ofSeconds(30));
            assertTrue(lab.ping(clientNs, "10.8.0.1", 3, Duration.ofSeconds(10)).allReceived());
            client.stop();

            signal(first, "TERM");
            assertEquals(0, exitWithin(first, Duration.ofSeconds(30)), first.tail(20));
            NsProcess second = lab.start(serverNs, "sluice-second", command, env, dir);
            second.awaitLine("Initialization Sequence Completed", START);
            assertFalse(second.output().contains("PKI: generated"), "the second start reuses the PKI");
            assertEquals(ca, Files.readString(dir.resolve("pki/ca.crt")), "same CA");
        }
    }

    @Test
    void versionAndHelpAnswerAtOnce() throws Exception {
        Result version = run("--version");
        assertEquals(0, version.status);
        assertTrue(version.stdout.startsWith("Sluice " + System.getProperty("sluice.version") + " "), version.stdout);
        Result help = run("--help");
        assertEquals(0, help.status);
        assertTrue(help.stdout.contains("Usage: sluice --config FILE [--option args ...]"), help.stdout);
    }

    private static Path statePath(NsProcess p) throws InterruptedException {
        Matcher m = p.awaitMatch(STATE, Duration.ofSeconds(1));
        return Path.of(m.group(1));
    }

    private static void signal(NsProcess p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
    }

    private static int exitWithin(NsProcess p, Duration timeout) throws InterruptedException {
        OptionalInt status = p.waitFor(timeout);
        assertTrue(status.isPresent(), p.name() + " did not exit within " + timeout + ":\n" + p.tail(30));
        return status.getAsInt();
    }

    private record Result(int status, String stdout, String stderr) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        List<String> cmd = new java.util.ArrayList<>(List.of(SluiceHome.binSluice()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/sluice " + String.join(" ", args) + " did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
