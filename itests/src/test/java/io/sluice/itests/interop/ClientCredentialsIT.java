package io.sluice.itests.interop;

import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.Commands;
import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/sluice} as a client of Debian's stock OpenVPN 2.6 server with the credentials real
 * profiles carry: a key encrypted by {@code openssl} with its password in an {@code askpass}
 * file, a PKCS#12 file (certificate, key and CA) with a password, and an RSA key in PKCS#1
 * inline in the profile; also the legacy PEM encryption, and a password typed in. The encrypted
 * files are made by the real {@code openssl} command from the test PKI's PEM files.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClientCredentialsIT {

    private static final Duration T = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse";

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    /** Runs openssl in {@code dir}; fails with its output unless it succeeds. */
    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec openssl \"$@\"", dir.toString()));
        command.addAll(List.of(args));
        CommandResult r = Commands.run(Duration.ofSeconds(60), command);
        assertTrue(r.ok(), "openssl " + String.join(" ", args) + " failed: " + r);
    }

    private static Path secretFile(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A stock OpenVPN server trusting both test CAs. */
    private static String openVpnServer(String local, Path caBundle, IssuedCert cert) {
        return String.join("\n",
                "port 1194",
                "proto udp",
                "local " + local,
                "dev tun",
                "ca " + OpenVpnPeer.quote(caBundle),
                "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()),
                "dh none",
                "keepalive 2 10",
                "topology subnet",
                "server 10.8.0.0 255.255.255.0",
                "verb 4",
                "");
    }

    /** A client profile; {@code credentials} are its certificate and key lines. */
    private static String profile(String server, String... credentials) {
        return String.join("\n",
                "client",
                "dev tun",
                "proto udp",
                "remote " + server + " 1194",
                "nobind",
                "remote-cert-tls server",
                "connect-retry 1 2",
                String.join("\n", credentials),
                "verb 4",
                "");
    }

    @Test
    void encryptedKeyWithAskpassFilePkcs12WithPasswordAndInlinePkcs1RsaKeyEachConnect() throws Exception {
        try (NetLab lab = NetLab.open("ClientCredentialsIT")) {
            Ns serverNs = lab.namespace("server");
            Ns clientNs = lab.namespace("client");
            Link link = lab.link(serverNs, clientNs);
            String server = link.a().v4();
            Path dir = lab.dir();
            TestPki ec = TestPki.create(dir.resolve("pki-ec"));
            TestPki rsa = TestPki.create(dir.resolve("pki-rsa"), TestPki.KeyType.RSA_2048);
            Path caBundle = dir.resolve("ca-bundle.crt");
            Files.writeString(caBundle, Files.readString(ec.caCert()) + Files.readString(rsa.caCert()));
            OpenVpnPeer.start(lab, serverNs, "openvpn-server", openVpnServer(server, caBundle, ec.server("server")));
            Path askpass = secretFile(dir.resolve("askpass.txt"), PASSWORD + "\n");

            // 1. An EC key as encrypted PKCS#8 (PBES2, AES-256-CBC), its password from 'askpass FILE'.
            IssuedCert alice = ec.client("alice");
            openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", alice.key().toString(),
                    "-passout", "pass:" + PASSWORD, "-out", "alice-encrypted.key");
            assertTrue(Files.readString(dir.resolve("alice-encrypted.key"))
                    .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            connectAndPing(lab, clientNs, "sluice-pkcs8-askpass", profile(server,
                    "ca " + OpenVpnPeer.quote(ec.caCert()),
                    "cert " + OpenVpnPeer.quote(alice.cert()),
                    "key alice-encrypted.key",
                    "askpass askpass.txt"));

            // 2. A PKCS#12 file (openssl pkcs12 -export, OpenSSL 3's defaults) with certificate, key
            //    and CA, its password from askpass; no 'ca' line: the CA comes from the file.
            IssuedCert carol = ec.client("carol");
            openssl(dir, "pkcs12", "-export", "-in", carol.cert().toString(), "-inkey", carol.key().toString(),
                    "-certfile", ec.caCert().toString(), "-passout", "pass:" + PASSWORD, "-out", "carol.p12");
            connectAndPing(lab, clientNs, "sluice-pkcs12", profile(server,
                    "pkcs12 carol.p12",
                    "askpass " + OpenVpnPeer.quote(askpass)));

            //    The same file with the password typed in: 'askpass' without a file asks
            //    "Enter Private Key Password:" (here answered on standard input, as a script would).
            SluicePeer typed = SluicePeer.startWithInput(lab, clientNs, "sluice-pkcs12-typed", profile(server,
                    "pkcs12 carol.p12", "askpass"), PASSWORD + "\n");
            typed.awaitLog(Pattern.compile("Enter Private Key Password:"), T);
            assertAllReplies(lab.ping(clientNs, "10.8.0.1", 10, T));
            assertEquals(0, typed.stop());

            // 3. An RSA key in PKCS#1 ("BEGIN RSA PRIVATE KEY"), inline in the profile.
            IssuedCert bob = rsa.client("bob");
            openssl(dir, "rsa", "-in", bob.key().toString(), "-traditional", "-out", "bob-pkcs1.key");
            String pkcs1 = Files.readString(dir.resolve("bob-pkcs1.key"));
            assertTrue(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1);
            connectAndPing(lab, clientNs, "sluice-inline-pkcs1", profile(server,
                    "ca " + OpenVpnPeer.quote(ec.caCert()),
                    "<cert>\n" + Files.readString(bob.cert()).strip() + "\n</cert>",
                    "<key>\n" + pkcs1.strip() + "\n</key>"));

            // 4. An EC key with OpenSSL's legacy PEM encryption (Proc-Type/DEK-Info, AES-256-CBC).
            openssl(dir, "ec", "-in", alice.key().toString(), "-aes256", "-passout", "pass:" + PASSWORD,
                    "-out", "alice-legacy.key");
            assertTrue(Files.readString(dir.resolve("alice-legacy.key")).contains("Proc-Type: 4,ENCRYPTED"));
            connectAndPing(lab, clientNs, "sluice-legacy-pem-askpass", profile(server,
                    "ca " + OpenVpnPeer.quote(ec.caCert()),
                    "cert " + OpenVpnPeer.quote(alice.cert()),
                    "key alice-legacy.key",
                    "askpass askpass.txt"));
        }
    }

    private static void connectAndPing(NetLab lab, Ns clientNs, String name, String profile) throws Exception {
        SluicePeer client = SluicePeer.start(lab, clientNs, name, profile);
        assertAllReplies(lab.ping(clientNs, "10.8.0.1", 10, T));
        assertEquals(0, client.stop(), name + " stops cleanly");
        assertFalse(lab.ip(clientNs, "link", "show", "tun0").ok(), name + ": no device left behind");
    }

    @Test
    void aWrongAskpassPasswordIsAOneLineConfigurationErrorWithStatus2() throws Exception {
        try (NetLab lab = NetLab.open("ClientCredentialsIT-wrong")) {
            Ns clientNs = lab.namespace("client");
            Path dir = lab.dir();
            TestPki ec = TestPki.create(dir.resolve("pki"));
            IssuedCert alice = ec.client("alice");
            openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", alice.key().toString(),
                    "-passout", "pass:" + PASSWORD, "-out", "alice-encrypted.key");
            secretFile(dir.resolve("wrong.txt"), "wrong horse\n");
            // Nothing listens there: the client must stop before it sends anything.
            SluicePeer client = SluicePeer.launch(lab, clientNs, "wrong-askpass", profile("198.18.0.1",
                    "ca " + OpenVpnPeer.quote(ec.caCert()),
                    "cert " + OpenVpnPeer.quote(alice.cert()),
                    "key alice-encrypted.key",
                    "askpass wrong.txt"));
            OptionalInt status = client.process().waitFor(Duration.ofSeconds(120));
            String all = client.process().tail(40);
            assertEquals(OptionalInt.of(2), status, "exit status 2 for a configuration error: " + all);

            Pattern error = Pattern.compile("wrong-askpass\\.conf:10: option 'key': \\S*alice-encrypted\\.key:"
                    + " cannot decrypt the private key \\(wrong passphrase\\?\\): .*; the password was read from"
                    + " 'askpass \\S*wrong\\.txt'$");
            List<String> lines = client.process().lines();
            List<String> reports = lines.stream().filter(l -> error.matcher(l).find()).collect(Collectors.toList());
            assertEquals(1, reports.size(), "exactly one line reports the error: " + all);
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception")),
                    "no stack trace: " + all);
            assertFalse(lines.stream().anyMatch(l -> l.contains("Initialization Sequence Completed")), all);
        }
    }
}
