package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sluice.api.cert.CertificateCheck;
import io.sluice.api.cert.CheckResult;
import io.sluice.api.cert.PeerRole;

/** Which peers a server or client endpoint accepts, and what it says about the others. */
class PeerVerificationTest {

    private final TestPki pki = new TestPki();
    private final TestPki.Authority ca = pki.root("Test CA");
    private final TestPki.Issued serverCert = pki.issue(ca, "server", TestPki.Kind.EC, TestPki.Usage.SERVER);

    private TlsSettings.Builder server() {
        return TlsSettings.builder("server").trustAnchors(List.of(ca.certificate()))
                .credentials(serverCert.chain(), serverCert.key());
    }

    private TlsSettings.Builder client(TestPki.Issued cert) {
        return TlsSettings.builder("client").trustAnchors(List.of(ca.certificate()))
                .credentials(cert.chain(), cert.key());
    }

    private TlsSettings.Builder client() {
        return client(pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT));
    }

    /** Runs the handshake; returns {server, client}. */
    private static TlsEndpoint[] connect(TlsSettings server, TlsSettings client) {
        TlsEndpoint s = Handshakes.server(server);
        TlsEndpoint c = Handshakes.client(client);
        Handshakes.pump(c, s);
        return new TlsEndpoint[] {s, c};
    }

    private static String serverFailure(TlsEndpoint[] pair) {
        assertEquals(TlsState.FAILED, pair[0].state(), "the server must refuse");
        return pair[0].failure().orElseThrow().message();
    }

    private static void assertEstablished(TlsEndpoint[] pair) {
        assertEquals(TlsState.ESTABLISHED, pair[0].state(), () -> "server: " + pair[0].failure());
        assertEquals(TlsState.ESTABLISHED, pair[1].state(), () -> "client: " + pair[1].failure());
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void aClientWithoutCertificateIsRefusedWhenOneIsRequired(TlsVersion version) {
        TlsEndpoint[] pair = connect(server().maxVersion(version).build(), client().noCredentials().build());

        assertEquals(TlsState.FAILED, pair[0].state());
        assertEquals(TlsFailure.Kind.PEER_CERTIFICATE_MISSING, pair[0].failure().orElseThrow().kind());
        assertEquals("TLS Error: peer did not return a certificate", pair[0].failure().orElseThrow().message());
        assertEquals(TlsState.FAILED, pair[1].state(), "the client learns it from the alert");
        assertEquals(TlsFailure.Kind.ALERT_RECEIVED, pair[1].failure().orElseThrow().kind());
    }

    @Test
    void verifyClientCertOptionalLetsAClientWithoutCertificateIn() {
        TlsEndpoint[] pair = connect(server().clientCertificates(ClientCertificateMode.OPTIONAL).build(),
                client().noCredentials().build());

        assertEstablished(pair);
        assertTrue(pair[0].session().orElseThrow().peerCertificate().isEmpty());
    }

    @Test
    void verifyClientCertOptionalStillVerifiesACertificateThatIsSent() {
        TestPki.Authority other = pki.root("Other CA");
        TlsEndpoint[] pair = connect(server().clientCertificates(ClientCertificateMode.OPTIONAL).build(),
                client(pki.issue(other, "mallory", TestPki.Kind.EC, TestPki.Usage.CLIENT)).build());

        assertTrue(serverFailure(pair).contains("unable to get local issuer certificate"));
    }

    @Test
    void verifyClientCertNoneDoesNotAskForACertificate() {
        TlsEndpoint[] pair = connect(server().clientCertificates(ClientCertificateMode.NONE).trustAnchors(List.of()).build(),
                client().build());

        assertEstablished(pair);
        assertTrue(pair[0].session().orElseThrow().peerChain().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void aCertificateFromAnotherCaIsRefused(TlsVersion version) {
        TestPki.Authority other = pki.root("Other CA");
        TestPki.Issued mallory = pki.issue(other, "mallory", TestPki.Kind.EC, TestPki.Usage.CLIENT);

        TlsEndpoint[] pair = connect(server().maxVersion(version).build(), client(mallory).build());

        assertEquals("VERIFY ERROR: depth=0, error=unable to get local issuer certificate: O=Sluice tests, CN=mallory, serial="
                + mallory.certificate().getSerialNumber(), serverFailure(pair));
        assertEquals(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, pair[0].failure().orElseThrow().kind());
        assertEquals(TlsState.FAILED, pair[1].state());
        assertTrue(pair[1].failure().orElseThrow().message().contains("unknown_ca"), pair[1].failure().orElseThrow().message());
    }

    @Test
    void aClientRefusesAServerFromAnotherCa() {
        TestPki.Authority other = pki.root("Other CA");
        TlsEndpoint[] pair = connect(server().build(), client().trustAnchors(List.of(other.certificate())).build());

        assertEquals(TlsState.FAILED, pair[1].state());
        assertTrue(pair[1].failure().orElseThrow().message().startsWith(
                "VERIFY ERROR: depth=0, error=unable to get local issuer certificate: O=Sluice tests, CN=server"));
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void anExpiredCertificateIsRefusedWithOpenSslsWords(TlsVersion version) {
        TestPki.Issued expired = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT,
                TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(35)));

        TlsEndpoint[] pair = connect(server().maxVersion(version).build(), client(expired).build());

        assertEquals("VERIFY ERROR: depth=0, error=certificate has expired: O=Sluice tests, CN=alice, serial="
                + expired.certificate().getSerialNumber(), serverFailure(pair));
        assertTrue(pair[1].failure().orElseThrow().message().contains("certificate_expired"));
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        TestPki.Issued early = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT,
                TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(30)));

        assertTrue(serverFailure(connect(server().build(), client(early).build()))
                .startsWith("VERIFY ERROR: depth=0, error=certificate is not yet valid: O=Sluice tests, CN=alice"));
    }

    @Test
    void aCertificateWithAForgedSignatureIsRefused() {
        TestPki.Issued forged = pki.forged(ca, "alice");

        assertTrue(serverFailure(connect(server().build(), client(forged).build()))
                .startsWith("VERIFY ERROR: depth=0, error=certificate signature failure: O=Sluice tests, CN=alice"));
    }

    @Test
    void aChainThroughAnIntermediateFromExtraCertsIsVerifiedAndLoggedPerDepth() {
        TestPki.Authority sub = pki.intermediate(ca, "Sub CA");
        TestPki.Issued alice = pki.issue(sub, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        assertEquals(2, alice.chain().size(), "cert + extra-certs");

        TlsEndpoint[] pair = connect(server().build(), client(alice).build());

        assertEstablished(pair);
        TlsSessionInfo info = pair[0].session().orElseThrow();
        assertEquals(List.of(alice.certificate(), sub.certificate(), ca.certificate()), info.peerChain());
        assertEquals(List.of("VERIFY OK: depth=2, O=Sluice tests, CN=Test CA", "VERIFY OK: depth=1, O=Sluice tests, CN=Sub CA",
                "VERIFY OK: depth=0, O=Sluice tests, CN=alice"), info.verificationLog());
    }

    @Test
    void aPeerThatAlsoSendsTheRootIsVerifiedAgainstTheConfiguredAnchor() {
        TestPki.Authority sub = pki.intermediate(ca, "Sub CA");
        TestPki.Issued alice = pki.issue(sub, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        List<java.security.cert.X509Certificate> withRoot = new ArrayList<>(alice.chain());
        withRoot.add(ca.certificate());

        TlsEndpoint[] pair = connect(server().build(), client().credentials(withRoot, alice.key()).build());

        assertEstablished(pair);
        assertEquals(List.of(alice.certificate(), sub.certificate(), ca.certificate()),
                pair[0].session().orElseThrow().peerChain());
    }

    @Test
    void aRootSentByThePeerButNotConfiguredIsNotTrusted() {
        TestPki.Authority other = pki.root("Other CA");
        TestPki.Issued mallory = pki.issue(other, "mallory", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        List<java.security.cert.X509Certificate> withRoot = List.of(mallory.certificate(), other.certificate());

        assertTrue(serverFailure(connect(server().build(), client().credentials(withRoot, mallory.key()).build()))
                .startsWith("VERIFY ERROR: depth=1, error=self-signed certificate in certificate chain: O=Sluice tests, CN=Other CA"));
    }

    @Test
    void anIntermediateNotSentByThePeerLeavesTheChainIncomplete() {
        TestPki.Authority sub = pki.intermediate(ca, "Sub CA");
        TestPki.Issued alice = pki.issue(sub, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsSettings withoutExtraCerts = client().credentials(List.of(alice.certificate()), alice.key()).build();

        assertTrue(serverFailure(connect(server().build(), withoutExtraCerts))
                .startsWith("VERIFY ERROR: depth=0, error=unable to get local issuer certificate: O=Sluice tests, CN=alice"));
    }

    @Test
    void aClientPresentingAServerCertificateFailsTheTlsPurposeCheckAsWithOpenSsl() {
        TestPki.Issued serverOnly = pki.issue(ca, "impostor", TestPki.Kind.EC, TestPki.Usage.SERVER);

        assertTrue(serverFailure(connect(server().build(), client(serverOnly).build()))
                .startsWith("VERIFY ERROR: depth=0, error=unsupported certificate purpose: O=Sluice tests, CN=impostor"));
    }

    @Test
    void remoteCertTlsClientAcceptsAClientCertificateAndLogsKuAndEku() {
        TlsEndpoint[] pair = connect(server().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.CLIENT)).build(),
                client().build());

        assertEstablished(pair);
        List<String> log = pair[0].session().orElseThrow().verificationLog();
        assertTrue(log.contains("VERIFY KU OK"), log::toString);
        assertTrue(log.contains("VERIFY EKU OK"), log::toString);
        assertTrue(log.contains("++ Certificate has EKU (str) TLS Web Client Authentication, expects TLS Web Client Authentication"),
                log::toString);
    }

    @Test
    void remoteCertTlsClientRefusesAServerCertificate() {
        TestPki.Issued serverOnly = pki.issue(ca, "impostor", TestPki.Kind.EC, TestPki.Usage.SERVER);

        String failure = serverFailure(connect(
                server().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.CLIENT)).build(), client(serverOnly).build()));

        assertTrue(failure.contains("CN=impostor"), failure);
    }

    @Test
    void remoteCertTlsClientRefusesACertificateWithoutExtendedKeyUsage() {
        // Passes OpenSSL's purpose check (no EKU at all), so only remote-cert-tls catches it.
        TestPki.Issued noEku = pki.issue(ca, "legacy", TestPki.Kind.EC, TestPki.Usage.NO_EKU);
        assertEstablished(connect(server().build(), client(noEku).build()));

        TlsEndpoint[] pair = connect(server().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.CLIENT)).build(),
                client(noEku).build());

        assertEquals("VERIFY EKU ERROR: O=Sluice tests, CN=legacy does not have extended key usage TLS Web Client Authentication",
                serverFailure(pair));
        assertTrue(pair[0].verificationLog().contains("Certificate does not have extended key usage extension"));
    }

    @Test
    void remoteCertTlsRequiresTheKeyUsageExtension() {
        TestPki.Issued noKu = pki.issue(ca, "legacy", TestPki.Kind.EC, TestPki.Usage.NO_KU);

        TlsEndpoint[] pair = connect(server().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.CLIENT)).build(),
                client(noKu).build());

        assertEquals("VERIFY KU ERROR: O=Sluice tests, CN=legacy has no key usage extension", serverFailure(pair));
    }

    @Test
    void remoteCertKuWithValuesNeedsOneOfThemComplete() {
        // The client certificate has digitalSignature only (OpenVPN's 0x80).
        assertEstablished(connect(server().remoteCertUsage(new RemoteCertUsage(java.util.Optional.of(List.of(0xa0, 0x80)),
                java.util.Optional.empty())).build(), client().build()));
        String failure = serverFailure(connect(server().remoteCertUsage(new RemoteCertUsage(
                java.util.Optional.of(List.of(0xa0)), java.util.Optional.empty())).build(), client().build()));
        assertTrue(failure.startsWith("VERIFY KU ERROR"), failure);
    }

    @Test
    void remoteCertTlsServerOnTheClientRefusesAClientCertificateOnTheServer() {
        TestPki.Issued clientOnly = pki.issue(ca, "fake-server", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsSettings fakeServer = server().credentials(clientOnly.chain(), clientOnly.key()).build();

        TlsEndpoint[] pair = connect(fakeServer, client().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.SERVER)).build());

        assertEquals(TlsState.FAILED, pair[1].state());
        assertTrue(pair[1].failure().orElseThrow().message().contains("CN=fake-server"));
    }

    @Test
    void remoteCertTlsServerAcceptsAServerCertificate() {
        assertEstablished(connect(server().build(),
                client().remoteCertUsage(RemoteCertUsage.remoteCertTls(PeerRole.SERVER)).build()));
    }

    @ParameterizedTest
    @EnumSource(TlsVersion.class)
    void peerFingerprintWithoutCaAcceptsTheMatchingSelfSignedServer(TlsVersion version) {
        TestPki.Issued selfSigned = pki.selfSigned("p2p-server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings srv = server().maxVersion(version).credentials(selfSigned.chain(), selfSigned.key())
                .clientCertificates(ClientCertificateMode.NONE).build();
        TlsSettings cli = client().trustAnchors(List.of())
                .peerFingerprints(List.of(CertificateFingerprint.of(selfSigned.certificate()))).build();

        TlsEndpoint[] pair = connect(srv, cli);

        assertEstablished(pair);
        assertEquals(List.of(selfSigned.certificate()), pair[1].session().orElseThrow().peerChain());
    }

    @Test
    void peerFingerprintWithoutCaRefusesAnotherSelfSignedServer() {
        TestPki.Issued selfSigned = pki.selfSigned("p2p-server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TestPki.Issued other = pki.selfSigned("p2p-server", TestPki.Kind.EC, TestPki.Usage.SERVER);
        TlsSettings srv = server().credentials(other.chain(), other.key())
                .clientCertificates(ClientCertificateMode.NONE).build();
        TlsSettings cli = client().trustAnchors(List.of())
                .peerFingerprints(List.of(CertificateFingerprint.of(selfSigned.certificate()))).build();

        TlsEndpoint[] pair = connect(srv, cli);

        assertEquals(TlsState.FAILED, pair[1].state());
        assertEquals("TLS Error: --tls-verify/--peer-fingerprint certificate hash verification failed. (got certificate fingerprint: "
                + CertificateFingerprint.of(other.certificate()) + ")", pair[1].failure().orElseThrow().message());
    }

    @Test
    void peerFingerprintOnTheServerChecksSelfSignedClients() {
        TestPki.Issued alice = pki.selfSigned("alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TestPki.Issued bob = pki.selfSigned("bob", TestPki.Kind.RSA, TestPki.Usage.CLIENT);
        TlsSettings srv = server().trustAnchors(List.of())
                .peerFingerprints(List.of(CertificateFingerprint.of(alice.certificate()))).build();

        assertEstablished(connect(srv, client(alice).build()));
        assertTrue(serverFailure(connect(srv, client(bob).build())).contains("peer-fingerprint"));
    }

    @Test
    void peerFingerprintWithCaNeedsBothTheChainAndTheFingerprint() {
        TestPki.Issued alice = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TestPki.Issued bob = pki.issue(ca, "bob", TestPki.Kind.EC, TestPki.Usage.CLIENT);
        TlsSettings srv = server().peerFingerprints(List.of(CertificateFingerprint.of(alice.certificate()))).build();

        assertEstablished(connect(srv, client(alice).build()));
        assertTrue(serverFailure(connect(srv, client(bob).build())).contains("peer-fingerprint"));
    }

    @Test
    void aSelfSignedPeerWithoutFingerprintIsRefusedAsSelfSigned() {
        TestPki.Issued selfSigned = pki.selfSigned("alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);

        assertTrue(serverFailure(connect(server().build(), client(selfSigned).build()))
                .startsWith("VERIFY ERROR: depth=0, error=self-signed certificate: O=Sluice tests, CN=alice"));
    }

    @Test
    void aCheckersRejectionFailsTheHandshakeWithItsReason() {
        TlsSettings srv = server().addChecker(new NamedCertificateChecker("crl",
                check -> CheckResult.reject("certificate revoked (serial " + check.leaf().getSerialNumber() + ")"))).build();
        TestPki.Issued alice = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);

        TlsEndpoint[] pair = connect(srv, client(alice).build());

        assertEquals("VERIFY ERROR: depth=0, crl check failed: certificate revoked (serial "
                + alice.certificate().getSerialNumber() + "): O=Sluice tests, CN=alice, serial="
                + alice.certificate().getSerialNumber(), serverFailure(pair));
        assertEquals(TlsFailure.Kind.PEER_CERTIFICATE_REJECTED, pair[0].failure().orElseThrow().kind());
    }

    @Test
    void checkersSeeTheVerifiedChainAndRunOnlyAfterCaVerification() {
        List<CertificateCheck> seen = new ArrayList<>();
        TlsSettings srv = server().addChecker(new NamedCertificateChecker("audit", check -> {
            seen.add(check);
            return CheckResult.ACCEPT;
        })).build();
        TestPki.Issued alice = pki.issue(ca, "alice", TestPki.Kind.EC, TestPki.Usage.CLIENT);

        TlsEndpoint[] pair = connect(srv, client(alice).build());
        connect(srv, client(pki.issue(pki.root("Other CA"), "mallory", TestPki.Kind.EC, TestPki.Usage.CLIENT)).build());

        assertEstablished(pair);
        assertEquals(1, seen.size(), "not called for a chain the CA refused");
        assertEquals("server", seen.get(0).instance());
        assertSame(PeerRole.CLIENT, seen.get(0).role());
        assertEquals(List.of(alice.certificate(), ca.certificate()), seen.get(0).chain());
        assertTrue(pair[0].session().orElseThrow().verificationLog().contains("VERIFY audit OK: O=Sluice tests, CN=alice"));
    }

    @Test
    void aCheckerThatThrowsCountsAsARejection() {
        TlsSettings srv = server().addChecker(new NamedCertificateChecker("ocsp", check -> {
            throw new IllegalStateException("responder unreachable");
        })).build();

        String failure = serverFailure(connect(srv, client().build()));

        assertTrue(failure.startsWith("VERIFY ERROR: depth=0, ocsp check failed: checker failed: "
                + "java.lang.IllegalStateException: responder unreachable"), failure);
    }

    @Test
    void verifyX509NameChecksTheServerNameOnTheClient() {
        assertEstablished(connect(server().build(), client().verifyX509Name(VerifyX509Name.forOption("server", "name")).build()));
        assertEstablished(connect(server().build(), client().verifyX509Name(VerifyX509Name.forOption("serv", "name-prefix")).build()));
        assertEstablished(connect(server().build(),
                client().verifyX509Name(VerifyX509Name.forOption("O=Sluice tests, CN=server", null)).build()));

        TlsEndpoint[] pair = connect(server().build(), client().verifyX509Name(VerifyX509Name.forOption("vpn.example", "name")).build());
        assertEquals(TlsState.FAILED, pair[1].state());
        assertEquals("VERIFY X509NAME ERROR: O=Sluice tests, CN=server, must be vpn.example",
                pair[1].failure().orElseThrow().message());
    }
}
