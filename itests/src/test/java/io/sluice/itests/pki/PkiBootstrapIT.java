package io.sluice.itests.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.Proto;
import io.sluice.config.Remote;
import io.sluice.core.pki.ClientProfile;
import io.sluice.core.pki.ClientProfileWriter;
import io.sluice.core.pki.PkiBootstrap;
import io.sluice.core.pki.PkiFiles;
import io.sluice.core.pki.ProfileRemote;
import io.sluice.core.pki.ProfileRemote.Transport;
import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.Commands;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;

/**
 * The bootstrapped PKI and client profile as the real tools see them: OpenSSL 3 (what OpenVPN
 * 2.6 links) verifies the chain, the certificates' purposes and the keys; Sluice's own parser
 * reads the profile; stock OpenVPN 2.6 loads the profile (options, inline CA, certificate, key
 * and tls-crypt key) and gets as far as sending to the server, and starts a server with the
 * server credentials.
 *
 * <p>OpenVPN runs only inside a namespace of its own that has no link at all, so it cannot reach
 * anything: the profile's remote is 198.18.0.1 (the benchmarking range) and the first packet
 * meets "Network is unreachable"; {@code --connect-retry-max 1} then makes it exit. The server's
 * tunnel addresses are in 198.19.0.0/24. A real client connecting with the profile is proven
 * with Sluice's server, not here.
 *
 * <p>Needs root, /dev/net/tun, {@code openvpn} and {@code openssl}; without them the tests fail,
 * never skip.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PkiBootstrapIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** OpenVPN's verb-4 line once the TLS context is built (after ca, cert and key loaded) and the link is next. */
    private static final Pattern REACHED_LINK =
            Pattern.compile("TCP/UDP: Preserving recently used remote address: \\[AF_INET\\]198\\.18\\.0\\.1:(\\d+)");
    private static final String GAVE_UP = "All connections have been connect-retry-max (1) times unsuccessful";

    @TempDir
    Path tmp;

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
        openssl();
    }

    private static String openssl() {
        return Commands.find("openssl").map(Path::toString).orElseThrow(() -> new AssertionError(
                "this interop test needs the openssl command (OpenSSL 3, as Debian's OpenVPN 2.6 uses;"
                        + " apt-get install openssl): not found on PATH or in the system directories"));
    }

    private static PkiFiles bootstrap(Path dir, boolean tlsCrypt) throws Exception {
        return new PkiBootstrap(new SecureRandom(), Clock.systemUTC()).ensure(dir, tlsCrypt).files();
    }

    /** The profile the server writes on first start, pointing at an address nothing answers. */
    private static Path profile(PkiFiles files, ProfileRemote remote) throws Exception {
        ClientProfile p = ClientProfile.fromFiles(files, List.of(remote), ClientProfile.DEFAULT_DATA_CIPHERS);
        assertEquals(ClientProfileWriter.Outcome.WRITTEN, new ClientProfileWriter().writeIfAbsent(
                files.clientProfile(), p));
        return files.clientProfile();
    }

    private static CommandResult run(Path dir, String... command) {
        List<String> cmd = new java.util.ArrayList<>(List.of(command));
        // openssl resolves relative names against its working directory: give absolute ones.
        for (int i = 1; i < cmd.size(); i++) {
            if (cmd.get(i).matches("[a-z0-9]+\\.(crt|key)")) {
                cmd.set(i, dir.resolve(cmd.get(i)).toString());
            }
        }
        return Commands.run(COMMAND_TIMEOUT, cmd);
    }

    @Test
    void opensslVerifiesTheServerAndClientCertificatesAgainstTheCa() throws Exception {
        PkiFiles f = bootstrap(tmp, false);

        CommandResult r = run(tmp, openssl(), "verify", "-CAfile", "ca.crt", "server.crt", "client1.crt");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(f.serverCert() + ": OK\n" + f.clientCert() + ": OK", r.output().strip());
    }

    @Test
    void opensslAcceptsTheServerCertificateForTlsServersAndTheClientCertificateForTlsClientsOnly()
            throws Exception {
        bootstrap(tmp, false);

        assertEquals(0, run(tmp, openssl(), "verify", "-purpose", "sslserver", "-CAfile", "ca.crt", "server.crt")
                .exitCode());
        assertEquals(0, run(tmp, openssl(), "verify", "-purpose", "sslclient", "-CAfile", "ca.crt", "client1.crt")
                .exitCode());
        CommandResult clientAsServer = run(tmp, openssl(), "verify", "-purpose", "sslserver", "-CAfile", "ca.crt",
                "client1.crt");
        assertNotEquals(0, clientAsServer.exitCode());
        assertTrue(clientAsServer.output().contains("unsuitable certificate purpose"), clientAsServer.toString());
        assertNotEquals(0, run(tmp, openssl(), "verify", "-purpose", "sslclient", "-CAfile", "ca.crt", "server.crt")
                .exitCode());
    }

    @Test
    void opensslReadsEachKeyAsAValidKeyOfItsCertificate() throws Exception {
        bootstrap(tmp, false);
        for (String name : List.of("ca", "server", "client1")) {
            CommandResult check = run(tmp, openssl(), "pkey", "-in", name + ".key", "-check", "-noout");
            assertEquals(0, check.exitCode(), check.toString());
            assertTrue(check.output().contains("Key is valid"), check.toString());
            String fromKey = run(tmp, openssl(), "pkey", "-in", name + ".key", "-pubout").requireOk().output();
            String fromCert = run(tmp, openssl(), "x509", "-in", name + ".crt", "-noout", "-pubkey").requireOk()
                    .output();
            assertEquals(fromCert, fromKey, name);
        }
    }

    @Test
    void opensslShowsTheCaAsACaForSigningCertificatesAndCrls() throws Exception {
        bootstrap(tmp, false);
        String text = run(tmp, openssl(), "x509", "-in", "ca.crt", "-noout", "-text").requireOk().output();
        assertTrue(Pattern.compile("Basic Constraints: critical\\s+CA:TRUE").matcher(text).find(), text);
        assertTrue(Pattern.compile("Key Usage: critical\\s+Certificate Sign, CRL Sign").matcher(text).find(), text);
        assertTrue(text.contains("ASN1 OID: prime256v1"), text);
    }

    @Test
    void theProfileParsesWithSluicesConfigParserAsAClientOfThatServer() throws Exception {
        PkiFiles f = bootstrap(tmp, true);
        Path profile = profile(f, new ProfileRemote("vpn.example.com", 1194, Transport.UDP));

        OpenVpnConfig config = ConfigParser.parseString(Files.readString(profile), "client1.ovpn", tmp);

        assertTrue(config.has("client"));
        assertEquals(List.of(new Remote("vpn.example.com", Optional.of(1194), Optional.empty())),
                config.transport().remotes());
        assertEquals(Proto.UDP, config.transport().proto());
        assertEquals(Optional.of("server"), config.controlChannel().remoteCertTls());
        assertEquals(List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305"), config.dataChannel().dataCiphers());
        assertEquals(Files.readString(f.caCert()), config.pki().ca().orElseThrow().inlineText().orElseThrow());
        assertEquals(Files.readString(f.clientCert()), config.pki().cert().orElseThrow().inlineText().orElseThrow());
        assertEquals(Files.readString(f.clientKey()), config.pki().key().orElseThrow().inlineText().orElseThrow());
        assertEquals(Files.readString(f.tlsCryptKey().orElseThrow()),
                config.controlChannel().tlsCrypt().orElseThrow().inlineText().orElseThrow());
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void stockOpenVpnLoadsAUdpProfileWithTlsCryptAndGetsAsFarAsSending(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            PkiFiles f = bootstrap(lab.dir().resolve("pki"), true);
            Path profile = profile(f, new ProfileRemote("198.18.0.1", 1194, Transport.UDP));

            String out = openvpnClient(lab, profile);

            assertReachedTheLink(out, 1194);
            assertTrue(out.contains("tls_crypt_file = '[INLINE]'"), out);
            assertTrue(out.contains("Outgoing Control Channel Encryption: Cipher 'AES-256-CTR' initialized"), out);
            assertTrue(out.contains("UDPv4 link remote: [AF_INET]198.18.0.1:1194"), out);
        }
    }

    @Test
    void stockOpenVpnLoadsATcpProfileWithoutTlsCryptAndGetsAsFarAsConnecting(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            PkiFiles f = bootstrap(lab.dir().resolve("pki"), false);
            Path profile = profile(f, new ProfileRemote("198.18.0.1", 443, Transport.TCP));

            String out = openvpnClient(lab, profile);

            assertReachedTheLink(out, 443);
            assertTrue(out.contains("tls_crypt_file = '[UNDEF]'"), out);
            assertTrue(out.contains("Attempting to establish TCP connection with [AF_INET]198.18.0.1:443"), out);
        }
    }

    @Test
    void stockOpenVpnStopsAtAProfileWhoseKeyIsNotTheCertificatesKey(TestInfo info) throws Exception {
        // Shows that reaching the link above is evidence: a bad key stops OpenVPN before it.
        try (NetLab lab = NetLab.open(name(info))) {
            PkiFiles f = bootstrap(lab.dir().resolve("pki"), false);
            Path good = profile(f, new ProfileRemote("198.18.0.1", 1194, Transport.UDP));
            Path bad = lab.dir().resolve("bad.ovpn");
            Files.writeString(bad, Files.readString(good).replace(Files.readString(f.clientKey()),
                    Files.readString(f.serverKey())));

            String out = openvpnClient(lab, bad);

            assertTrue(out.contains("key values mismatch"), out);
            assertFalse(REACHED_LINK.matcher(out).find(), out);
        }
    }

    @Test
    void stockOpenVpnStartsAServerWithTheServerCredentialsAndTlsCryptKey(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            PkiFiles f = bootstrap(lab.dir().resolve("pki"), true);
            Ns ns = lab.namespace("server");

            OpenVpnPeer server = OpenVpnPeer.start(lab, ns, "openvpn-server", String.join("\n",
                    "dev tun",
                    "proto udp",
                    "port 1194",
                    "topology subnet",
                    "server 198.19.0.0 255.255.255.0",
                    "dh none",
                    "ca " + OpenVpnPeer.quote(f.caCert()),
                    "cert " + OpenVpnPeer.quote(f.serverCert()),
                    "key " + OpenVpnPeer.quote(f.serverKey()),
                    "tls-crypt " + OpenVpnPeer.quote(f.tlsCryptKey().orElseThrow()),
                    "remote-cert-tls client",
                    "data-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305"));

            String out = server.process().output();
            assertTrue(out.contains("Initialization Sequence Completed"), out);
            assertFalse(out.contains("WARNING: file"), "OpenVPN warns about group/other-readable keys: " + out);
        }
    }

    /** Runs the client in a namespace without links until it gives up, and returns its log. */
    private static String openvpnClient(NetLab lab, Path profile) {
        Ns ns = lab.namespace("client");
        CommandResult r = lab.exec(ns, COMMAND_TIMEOUT, "openvpn", "--config", profile.toString(), "--dev", "null",
                "--verb", "4", "--connect-retry-max", "1");
        String out = r.output();
        assertFalse(out.contains("Options error"), out);
        return out;
    }

    private static void assertReachedTheLink(String out, int port) {
        Matcher m = REACHED_LINK.matcher(out);
        assertTrue(m.find(), out);
        assertEquals(String.valueOf(port), m.group(1));
        assertTrue(out.contains(GAVE_UP), "it stopped because nothing answered, not for another reason: " + out);
        assertTrue(out.contains("ca_file = '[INLINE]'"), out);
        assertTrue(out.contains("cert_file = '[INLINE]'"), out);
        assertTrue(out.contains("priv_key_file = '[INLINE]'"), out);
        assertTrue(out.contains("remote_cert_eku = 'TLS Web Server Authentication'"), out);
        assertTrue(out.contains("ncp_ciphers = 'AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305'"), out);
    }

    private static String name(TestInfo info) {
        return "PkiBootstrapIT-" + info.getTestMethod().orElseThrow().getName();
    }
}
