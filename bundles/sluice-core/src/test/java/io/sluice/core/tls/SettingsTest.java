package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Settings, their option parsers, and the checks that catch configuration mistakes at start-up. */
class SettingsTest {

    private final TestPki pki = new TestPki();
    private final TestPki.Authority ca = pki.root("Test CA");
    private final TestPki.Issued server = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);

    @Test
    void defaultsAreOpenVpn26s() {
        TlsSettings s = TlsSettings.builder("x").trustAnchors(List.of(ca.certificate())).build();

        assertEquals(TlsVersion.TLS_1_2, s.minVersion());
        assertEquals(TlsVersion.TLS_1_3, s.maxVersion());
        assertEquals(ClientCertificateMode.REQUIRE, s.clientCertificates());
        assertTrue(s.remoteCertUsage().isEmpty());
        assertTrue(s.peerFingerprints().isEmpty());
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefused() {
        TestPki.Issued other = pki.issue(ca, "other", TestPki.Kind.EC, TestPki.Usage.SERVER);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsSettings.builder("x").credentials(server.chain(), other.key()).build());
        assertEquals("private key does not match the certificate O=Sluice tests, CN=server", e.getMessage());
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefused() {
        TestPki.Issued rsa = pki.issue(ca, "rsa", TestPki.Kind.RSA, TestPki.Usage.SERVER);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsSettings.builder("x").credentials(server.chain(), rsa.key()).build());
        assertTrue(e.getMessage().contains("CN=server"), e.getMessage());
    }

    @Test
    void aCertificateNeedsItsKeyAndMinimumCannotExceedMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new TlsSettings("x", List.of(), server.chain(), Optional.empty(),
                TlsVersion.TLS_1_2, TlsVersion.TLS_1_3, ClientCertificateMode.REQUIRE, RemoteCertUsage.NONE, List.of(),
                Optional.empty(), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsSettings.builder("x")
                .minVersion(TlsVersion.TLS_1_3).maxVersion(TlsVersion.TLS_1_2).build());
        assertEquals("tls-version-min 1.3 is above tls-version-max 1.2", e.getMessage());
    }

    @Test
    void factoriesRefuseSettingsTheirRoleCannotWorkWith() {
        SecureRandom random = new SecureRandom();
        TlsSettings noKey = TlsSettings.builder("x").trustAnchors(List.of(ca.certificate())).build();
        TlsSettings noTrust = TlsSettings.builder("x").credentials(server.chain(), server.key()).build();

        assertEquals("a TLS server needs its certificate and key (cert, key)", assertThrows(IllegalArgumentException.class,
                () -> TlsEndpointFactory.server(noKey, Handshakes.CLOCK, random)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TlsEndpointFactory.server(noTrust, Handshakes.CLOCK, random)).getMessage().contains("(ca)"));
        assertThrows(IllegalArgumentException.class, () -> TlsEndpointFactory.client(noTrust, Handshakes.CLOCK, random));
        // A server that does not ask for client certificates needs no CA; a client needs no key.
        TlsEndpointFactory.server(noTrust.toBuilder().clientCertificates(ClientCertificateMode.NONE).build(),
                Handshakes.CLOCK, random);
        TlsEndpointFactory.client(noKey, Handshakes.CLOCK, random);
    }

    @Test
    void tlsVersionMinFollowsOpenVpn() {
        assertEquals(TlsVersion.TLS_1_2, TlsVersion.forTlsVersionMin("1.2", false));
        assertEquals(TlsVersion.TLS_1_3, TlsVersion.forTlsVersionMin("1.3", false));
        assertEquals(TlsVersion.TLS_1_2, TlsVersion.forTlsVersionMin("1.0", false), "Sluice's floor is 1.2");
        assertEquals(TlsVersion.TLS_1_3, TlsVersion.forTlsVersionMin("1.4", true), "or-highest");
        assertThrows(IllegalArgumentException.class, () -> TlsVersion.forTlsVersionMin("1.4", false));
        assertEquals(TlsVersion.TLS_1_2, TlsVersion.forTlsVersionMax("1.2"));
        assertThrows(IllegalArgumentException.class, () -> TlsVersion.forTlsVersionMax("1.1"));
    }

    @Test
    void fingerprintsParseOpenVpnsFormatAndRoundTrip() {
        CertificateFingerprint f = CertificateFingerprint.of(server.certificate());

        assertEquals(f, CertificateFingerprint.parse(f.toString()));
        assertEquals(f, CertificateFingerprint.parse(f.toString().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(32 * 3 - 1, f.toString().length());
        assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse("AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(f.toString().replace(':', '-')));
    }

    @Test
    void optionParsersNameTheOptionWhenTheValueIsWrong() {
        assertEquals(ClientCertificateMode.OPTIONAL, ClientCertificateMode.forOption("optional"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClientCertificateMode.forOption("maybe"))
                .getMessage().startsWith("verify-client-cert"));
        assertEquals(new VerifyX509Name(VerifyX509Name.Type.NAME_PREFIX, "client-"),
                VerifyX509Name.forOption("client-", "name-prefix"));
        assertEquals(VerifyX509Name.Type.SUBJECT, VerifyX509Name.forOption("CN=x", null).type());
        assertThrows(IllegalArgumentException.class, () -> VerifyX509Name.forOption("x", "cn"));
    }

    @Test
    void dhFilesAreIgnoredWithANoteAndDhNoneSaysNothing() {
        assertEquals(Optional.empty(), DhOption.note("none"));
        assertEquals(Optional.empty(), DhOption.note(null));
        assertTrue(DhOption.note("dh2048.pem").orElseThrow().startsWith("dh dh2048.pem ignored"));
    }

    @Test
    void openVpnKeyUsageEncodingPutsDigitalSignatureInTheTopBit() {
        boolean[] digitalSignatureAndKeyEncipherment = {true, false, true, false, false, false, false, false, false};
        assertEquals(0xa0, UsageChecks.openVpnKeyUsage(digitalSignatureAndKeyEncipherment));
        boolean[] keyAgreement = {false, false, false, false, true};
        assertEquals(0x08, UsageChecks.openVpnKeyUsage(keyAgreement));
    }
}
