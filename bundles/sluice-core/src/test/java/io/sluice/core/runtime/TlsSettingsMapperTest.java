package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.core.engine.Prompt;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.TlsSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code key} with {@code askpass}, and {@code pkcs12} with and without {@code ca}, as a profile
 * gives them, with the openssl-made fixtures of {@code io/sluice/core/tls/credentials}.
 */
class TlsSettingsMapperTest {

    private static final String PASSPHRASE = "correct horse";

    @TempDir
    Path dir;

    /** Every question asked, in order. */
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String name : List.of("ca.crt", "other-ca.crt", "sub-ca.crt", "rsa.crt", "ec.crt", "chain.crt",
                "rsa-pkcs1.key", "rsa-pkcs8-aes256.key", "ec-sec1-aes256.key", "rsa-pkcs1-aes256.key",
                "rsa.p12", "ec-nopass.p12", "ec-noca.p12", "chain.p12", "rsa.p12.b64", "right.pass", "wrong.pass")) {
            Files.copy(fixture(name), dir.resolve(name));
        }
    }

    private static Path fixture(String name) {
        URL url = TlsSettingsMapperTest.class.getResource("/io/sluice/core/tls/credentials/" + name);
        if (url == null) {
            throw new AssertionError("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private X509Certificate cert(String name) throws Exception {
        return PemCertificates.read(dir.resolve(name)).get(0);
    }

    private TlsSettings client(String credentials, Prompt prompt) throws ConfigException {
        return TlsSettingsMapper.map(ConfigParser.parseString("client\ndev tun\nremote 198.18.0.1\n" + credentials,
                "client.ovpn", dir), "client", false, prompt);
    }

    private TlsSettings client(String credentials) throws ConfigException {
        return client(credentials, failIfAsked());
    }

    private Prompt failIfAsked() {
        return (question, echo) -> {
            throw new AssertionError("asked '" + question + "' though nothing needs a password");
        };
    }

    private Prompt answering(String answer) {
        return (question, echo) -> {
            asked.add(question + (echo ? " (echo)" : ""));
            return Optional.of(answer);
        };
    }

    @Test
    void anEncryptedKeyTakesItsPasswordFromTheFirstLineOfTheAskpassFile() throws Exception {
        TlsSettings s = client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs8-aes256.key\naskpass right.pass\n");
        assertEquals(List.of(cert("rsa.crt")), s.certificateChain());
        assertEquals("RSA", s.privateKey().orElseThrow().getAlgorithm());
    }

    @Test
    void onlyTheFirstLineCountsAndItsLineEndIsNotPartOfIt() throws Exception {
        Files.writeString(dir.resolve("crlf.pass"), PASSPHRASE + "\r\nsecond line\n");
        client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\naskpass crlf.pass\n");
        Files.writeString(dir.resolve("bare.pass"), PASSPHRASE);
        client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\naskpass bare.pass\n");
    }

    @Test
    void withoutAFileThePasswordIsAskedAsOpenVpnAsksItWithOrWithoutAskpass() throws Exception {
        client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs1-aes256.key\naskpass\n", answering(PASSPHRASE));
        client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs1-aes256.key\naskpass stdin\n", answering(PASSPHRASE));
        client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs1-aes256.key\n", answering(PASSPHRASE));
        assertEquals(List.of("Enter Private Key Password:", "Enter Private Key Password:",
                "Enter Private Key Password:"), asked);
    }

    @Test
    void aKeyThatIsNotEncryptedNeverAsksEvenWithAskpass() throws Exception {
        client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs1.key\naskpass\n");
        client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs1.key\naskpass wrong.pass\n");
    }

    @Test
    void aWrongPasswordFromTheFileIsAOneLineErrorNamingTheKeyLineAndTheFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> client("ca ca.crt\ncert rsa.crt\nkey rsa-pkcs8-aes256.key\naskpass wrong.pass\n"));
        assertTrue(e.getMessage().startsWith("client.ovpn:6: option 'key': " + dir.resolve("rsa-pkcs8-aes256.key")
                + ": cannot decrypt the private key (wrong passphrase?): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the password was read from 'askpass " + dir.resolve("wrong.pass") + "'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aWrongPasswordTypedInIsSaidSo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\n", answering("nope")));
        assertTrue(e.getMessage().startsWith("client.ovpn:6: option 'key': "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the password was entered on the terminal"), e.getMessage());
    }

    @Test
    void withoutTerminalAndWithoutAskpassFileTheErrorSaysHowToGiveThePassword() {
        ConfigException none = assertThrows(ConfigException.class,
                () -> client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\n", Prompt.NONE));
        assertEquals("client.ovpn:6: option 'key': the private key is encrypted and there is no terminal to ask"
                + " for its password (give it in a file: askpass FILE)", none.getMessage());
        ConfigException askpass = assertThrows(ConfigException.class,
                () -> client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\naskpass\n", Prompt.NONE));
        assertEquals("client.ovpn:7: option 'askpass': could not read the Private Key password from the terminal"
                + " (there is none; give the password in a file: askpass FILE)", askpass.getMessage());
    }

    @Test
    void anEmptyFirstLineInTheAskpassFileIsAnError() throws Exception {
        Files.writeString(dir.resolve("empty.pass"), "\n" + PASSPHRASE + "\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> client("ca ca.crt\ncert ec.crt\nkey ec-sec1-aes256.key\naskpass empty.pass\n"));
        assertEquals("client.ovpn:7: option 'askpass': no password on the first line of '"
                + dir.resolve("empty.pass") + "'", e.getMessage());
    }

    @Test
    void pkcs12WithoutCaTrustsItsOwnCaCertificates() throws Exception {
        TlsSettings s = client("pkcs12 rsa.p12\naskpass right.pass\n");
        assertEquals(List.of(cert("ca.crt")), s.trustAnchors());
        assertEquals(List.of(cert("rsa.crt")), s.certificateChain(), "a self-signed root is not sent");
        assertEquals("RSA", s.privateKey().orElseThrow().getAlgorithm());
    }

    @Test
    void pkcs12WithCaTrustsOnlyCaAndSendsItsOwnCaCertificatesAlong() throws Exception {
        TlsSettings s = client("ca other-ca.crt\npkcs12 rsa.p12\naskpass right.pass\n");
        assertEquals(List.of(cert("other-ca.crt")), s.trustAnchors());
        assertEquals(List.of(cert("rsa.crt"), cert("ca.crt")), s.certificateChain());
    }

    @Test
    void pkcs12WithAnIntermediateSendsItAndTrustsBoth() throws Exception {
        TlsSettings s = client("pkcs12 chain.p12\naskpass right.pass\n");
        assertEquals(List.of(cert("sub-ca.crt"), cert("ca.crt")), s.trustAnchors());
        assertEquals(List.of(cert("chain.crt"), cert("sub-ca.crt")), s.certificateChain());
    }

    @Test
    void pkcs12WithTheEmptyPasswordNeverAsks() throws Exception {
        TlsSettings s = client("pkcs12 ec-nopass.p12\naskpass\n");
        assertEquals(List.of(cert("ec.crt")), s.certificateChain());
    }

    @Test
    void pkcs12WithAPasswordIsAskedForWithoutAskpassFile() throws Exception {
        TlsSettings s = client("ca ca.crt\npkcs12 ec-noca.p12\n", answering(PASSPHRASE));
        assertEquals(List.of(cert("ec.crt")), s.certificateChain());
        assertEquals(List.of("Enter Private Key Password:"), asked);
    }

    @Test
    void pkcs12WithoutCaCertificatesAndWithoutCaCannotVerifyThePeer() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> client("pkcs12 ec-noca.p12\naskpass right.pass\n"));
        assertEquals("client.ovpn:1: option 'client': needs 'ca' (or 'peer-fingerprint') to verify its peer:"
                + " its 'pkcs12' file holds no CA certificate", e.getMessage());
    }

    @Test
    void anInlinePkcs12BlockIsBase64() throws Exception {
        String base64 = Files.readString(dir.resolve("rsa.p12.b64"), StandardCharsets.US_ASCII);
        TlsSettings s = client("askpass right.pass\n<pkcs12>\n" + base64 + "</pkcs12>\n");
        assertEquals(List.of(cert("rsa.crt")), s.certificateChain());
        assertEquals(List.of(cert("ca.crt")), s.trustAnchors());
    }

    @Test
    void aWrongPkcs12PasswordNamesThePkcs12Line() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> client("pkcs12 rsa.p12\naskpass wrong.pass\n"));
        assertEquals("client.ovpn:4: option 'pkcs12': " + dir.resolve("rsa.p12") + ": MAC verification failed:"
                + " wrong PKCS#12 password (or a corrupted file); the password was read from 'askpass "
                + dir.resolve("wrong.pass") + "'", e.getMessage());
    }

    @Test
    void aFileThatIsNotPkcs12NamesThePkcs12Line() {
        ConfigException e = assertThrows(ConfigException.class, () -> client("pkcs12 ca.crt\n"));
        assertTrue(e.getMessage().startsWith("client.ovpn:4: option 'pkcs12': " + dir.resolve("ca.crt")
                + ": not a PKCS#12 file: "), e.getMessage());
    }

    @Test
    void anInlinePkcs1KeyIsRead() throws Exception {
        String key = Files.readString(dir.resolve("rsa-pkcs1.key"), StandardCharsets.US_ASCII);
        TlsSettings s = client("ca ca.crt\ncert rsa.crt\n<key>\n" + key + "</key>\n");
        assertEquals("RSA", s.privateKey().orElseThrow().getAlgorithm());
    }

    @Test
    void aServerReadsPkcs12Too() throws Exception {
        TlsSettings s = TlsSettingsMapper.map(ConfigParser.parseString("server 10.8.0.0 255.255.255.0\ndev tun\n"
                + "dh none\npkcs12 ec-nopass.p12\n", "server.conf", dir), "server", true, failIfAsked());
        assertEquals(List.of(cert("ec.crt")), s.certificateChain());
        assertEquals(List.of(cert("ca.crt")), s.trustAnchors());
    }
}
