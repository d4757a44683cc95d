package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sluice.core.pki.ProfileRemote.Transport;

/** The profile's text: exactly what a stock OpenVPN 2.6 client needs, and nothing it would misread. */
class ClientProfileTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nQ0VSVA==\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";
    private static final String TLS_CRYPT = "#\n# 2048 bit OpenVPN static key\n#\n"
            + "-----BEGIN OpenVPN Static key V1-----\n00\n-----END OpenVPN Static key V1-----\n";

    private static ClientProfile profile(List<ProfileRemote> remotes, Optional<String> tlsCrypt) {
        return ClientProfile.of(remotes, ClientProfile.DEFAULT_DATA_CIPHERS, CA, CERT, KEY, tlsCrypt);
    }

    @Test
    void aUdpProfileHasTheClientOptionsThenTheInlineCredentials() {
        String text = profile(List.of(new ProfileRemote("vpn.example.com", 1194, Transport.UDP)),
                Optional.empty()).text();

        assertEquals("# OpenVPN client profile written by Sluice. It holds a private key: keep it private.\n"
                + "client\n"
                + "dev tun\n"
                + "proto udp\n"
                + "remote vpn.example.com 1194\n"
                + "nobind\n"
                + "remote-cert-tls server\n"
                + "data-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305\n"
                + "verb 3\n"
                + "<ca>\n" + CA + "</ca>\n"
                + "<cert>\n" + CERT + "</cert>\n"
                + "<key>\n" + KEY + "</key>\n", text);
    }

    @Test
    void theTlsCryptKeyIsInlinedLastWhenTheServerUsesOne() {
        String text = profile(List.of(new ProfileRemote("198.18.0.1", 1194, Transport.UDP)),
                Optional.of(TLS_CRYPT)).text();

        assertTrue(text.endsWith("</key>\n<tls-crypt>\n" + TLS_CRYPT + "</tls-crypt>\n"), text);
    }

    @Test
    void remotesKeepTheirOrderAndNameTheirTransportWhenItDiffersFromTheFirst() {
        String text = profile(List.of(
                new ProfileRemote("vpn.example.com", 1194, Transport.TCP),
                new ProfileRemote("2001:db8::1", 1194, Transport.UDP),
                new ProfileRemote("vpn.example.com", 443, Transport.TCP)), Optional.empty()).text();

        assertTrue(text.contains("proto tcp\n"
                + "remote vpn.example.com 1194\n"
                + "remote 2001:db8::1 1194 udp\n"
                + "remote vpn.example.com 443\n"), text);
    }

    @Test
    void pemWithoutAFinalLineBreakStillClosesItsBlockOnALineOfItsOwn() {
        String text = ClientProfile.of(List.of(new ProfileRemote("h", 1, Transport.UDP)), List.of("AES-256-GCM"),
                CA.strip(), CERT, KEY, Optional.empty()).text();
        assertTrue(text.contains("-----END CERTIFICATE-----\n</ca>\n"));
        assertTrue(text.contains("data-ciphers AES-256-GCM\n"));
    }

    @Test
    void theProfileNeverShowsItsKeyInToString() {
        ClientProfile p = profile(List.of(new ProfileRemote("h", 1, Transport.UDP)), Optional.empty());
        assertFalse(p.toString().contains("PRIVATE KEY"));
        assertFalse(p.toString().contains("S0VZ"));
    }

    @Test
    void equalInputsGiveEqualProfiles() {
        List<ProfileRemote> r = List.of(new ProfileRemote("h", 1194, Transport.UDP));
        assertEquals(profile(r, Optional.empty()), profile(r, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "vpn example.com", "vpn\"x", "#vpn", ";vpn", "-vpn", "vpn\\x", "vpn\n", "vpn'x"})
    void hostsOpenVpnWouldNotReadBackAsOneWordAreRefused(String host) {
        assertThrows(IllegalArgumentException.class, () -> new ProfileRemote(host, 1194, Transport.UDP));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void portsOutOfRangeAreRefused(int port) {
        assertThrows(IllegalArgumentException.class, () -> new ProfileRemote("h", port, Transport.UDP));
    }

    @Test
    void aProfileWithoutRemotesOrCiphersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> profile(List.of(), Optional.empty()));
        List<ProfileRemote> r = List.of(new ProfileRemote("h", 1, Transport.UDP));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, List.of(), CA, CERT, KEY,
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, List.of("AES-256-GCM:BF-CBC"), CA,
                CERT, KEY, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, List.of("AES-256-GCM x"), CA,
                CERT, KEY, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, java.util.Collections.nCopies(20,
                "CHACHA20-POLY1305"), CA, CERT, KEY, Optional.empty()), "longer than OpenVPN's 127 characters");
    }

    @Test
    void inlineContentThatIsNotTheExpectedPemOrWouldCloseTheBlockEarlyIsRefused() {
        List<ProfileRemote> r = List.of(new ProfileRemote("h", 1, Transport.UDP));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, ClientProfile.DEFAULT_DATA_CIPHERS,
                KEY, CERT, KEY, Optional.empty()), "a key where the CA goes");
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, ClientProfile.DEFAULT_DATA_CIPHERS,
                CA + "</ca>\nremote evil.example 1\n", CERT, KEY, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(r, ClientProfile.DEFAULT_DATA_CIPHERS,
                CA, CERT, KEY, Optional.of(CA)), "a certificate where the tls-crypt key goes");
    }

    @Test
    void fromFilesInlinesTheBootstrappedClientAndTlsCryptKey(@TempDir Path dir) throws Exception {
        PkiFiles files = TestBootstraps.now().ensure(dir, true).files();

        String text = ClientProfile.fromFiles(files, List.of(new ProfileRemote("h", 1194, Transport.UDP)),
                ClientProfile.DEFAULT_DATA_CIPHERS).text();

        assertTrue(text.contains("<ca>\n" + Files.readString(files.caCert()) + "</ca>\n"));
        assertTrue(text.contains("<cert>\n" + Files.readString(files.clientCert()) + "</cert>\n"));
        assertTrue(text.contains("<key>\n" + Files.readString(files.clientKey()) + "</key>\n"));
        assertTrue(text.contains("<tls-crypt>\n" + Files.readString(files.tlsCryptKey().orElseThrow())
                + "</tls-crypt>\n"));
    }
}
