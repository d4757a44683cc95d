package io.sluice.core.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemPrivateKeys;

/** The certificates and keys a first start creates, as OpenSSL 3 and OpenVPN 2.6 need them. */
class BootstrapCertificatesTest {

    /** A fixed start with a fraction of a second, which X.509 times cannot hold. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");
    static final Instant NOW_SECONDS = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private X509Certificate ca;
    private X509Certificate server;
    private X509Certificate client;

    @BeforeEach
    void bootstrap() throws Exception {
        PkiFiles files = TestBootstraps.fixedClock(NOW).ensure(dir, false).files();
        ca = PemCertificates.read(files.caCert()).get(0);
        server = PemCertificates.read(files.serverCert()).get(0);
        client = PemCertificates.read(files.clientCert()).get(0);
    }

    @Test
    void serverAndClientCertificatesVerifyAsChainsToTheCaWithTheJdkValidator() throws Exception {
        validate(server);
        validate(client);
    }

    @Test
    void theChainDoesNotVerifyUnderAnotherBootstrappedCa(@TempDir Path other) throws Exception {
        X509Certificate otherCa = PemCertificates.read(
                TestBootstraps.fixedClock(NOW).ensure(other, false).files().caCert()).get(0);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(otherCa, null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(NOW));
        assertThrows(CertPathValidatorException.class, () -> CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(server)), params));
    }

    private void validate(X509Certificate leaf) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
    }

    @Test
    void subjectsAreTheFixedCommonNamesAndLeavesAreIssuedByTheCa() {
        assertEquals("CN=Sluice CA", ca.getSubjectX500Principal().getName());
        assertEquals("CN=Sluice CA", ca.getIssuerX500Principal().getName());
        assertEquals("CN=server", server.getSubjectX500Principal().getName());
        assertEquals("CN=client1", client.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
        assertEquals(ca.getSubjectX500Principal(), client.getIssuerX500Principal());
    }

    @Test
    void caIsACaThatSignsCertificatesAndCrlsOnly() {
        assertEquals(3, ca.getVersion());
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints(), "CA:TRUE without a path length limit");
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        assertArrayEquals(keyUsage(KEY_CERT_SIGN, CRL_SIGN), ca.getKeyUsage());
    }

    @Test
    void serverCertificateIsForTlsServersWithACriticalDigitalSignatureKeyUsage() throws Exception {
        assertEquals(-1, server.getBasicConstraints(), "CA:FALSE");
        assertArrayEquals(keyUsage(DIGITAL_SIGNATURE), server.getKeyUsage());
        assertTrue(server.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage(), "serverAuth only");
    }

    @Test
    void clientCertificateIsForTlsClientsOnly() throws Exception {
        assertEquals(-1, client.getBasicConstraints(), "CA:FALSE");
        assertArrayEquals(keyUsage(DIGITAL_SIGNATURE), client.getKeyUsage());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.getExtendedKeyUsage(), "clientAuth only");
    }

    @Test
    void leavesNameTheirCaKeyAndEveryCertificateItsOwnKey() throws Exception {
        byte[] caSki = keyIdentifier(ca, Extension.subjectKeyIdentifier);
        for (X509Certificate leaf : List.of(server, client)) {
            assertTrue(keyIdentifier(leaf, Extension.subjectKeyIdentifier).length > 0);
            byte[] aki = leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId());
            byte[] akiInner = ((DEROctetString) ASN1Primitive.fromByteArray(aki)).getOctets();
            org.bouncycastle.asn1.x509.AuthorityKeyIdentifier id =
                    org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(akiInner);
            assertArrayEquals(caSki, id.getKeyIdentifier());
        }
    }

    private static byte[] keyIdentifier(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid)
            throws IOException {
        byte[] ext = cert.getExtensionValue(oid.getId());
        byte[] inner = ((DEROctetString) ASN1Primitive.fromByteArray(ext)).getOctets();
        return ((DEROctetString) ASN1Primitive.fromByteArray(inner)).getOctets();
    }

    @Test
    void keysAreEcP256AndSignaturesEcdsaWithSha256() {
        for (X509Certificate c : List.of(ca, server, client)) {
            ECPublicKey key = (ECPublicKey) c.getPublicKey();
            assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
            assertEquals(new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16),
                    key.getParams().getOrder(), "the order of P-256");
            assertEquals("1.2.840.10045.4.3.2", c.getSigAlgOID(), "ecdsa-with-SHA256");
        }
    }

    @Test
    void caIsValidForTenYearsAndLeavesFor825DaysFromAnHourBeforeTheStart() {
        Date notBefore = Date.from(NOW_SECONDS.minus(Duration.ofHours(1)));
        for (X509Certificate c : List.of(ca, server, client)) {
            assertEquals(notBefore, c.getNotBefore());
        }
        assertEquals(Date.from(NOW_SECONDS.plus(Duration.ofDays(3650))), ca.getNotAfter());
        assertEquals(Date.from(NOW_SECONDS.plus(Duration.ofDays(825))), server.getNotAfter());
        assertEquals(Date.from(NOW_SECONDS.plus(Duration.ofDays(825))), client.getNotAfter());
    }

    @Test
    void serialsAreDistinctPositive128BitNumbers() {
        List<BigInteger> serials = List.of(ca.getSerialNumber(), server.getSerialNumber(), client.getSerialNumber());
        for (BigInteger s : serials) {
            assertEquals(1, s.signum());
            assertEquals(128, s.bitLength());
        }
        assertEquals(3, Set.copyOf(serials).size());
    }

    @Test
    void eachKeyFileHoldsThePrivateKeyOfItsCertificate() throws Exception {
        PkiFiles files = PkiFiles.in(dir, false);
        assertSigns(PemPrivateKeys.read(files.caKey()), ca);
        assertSigns(PemPrivateKeys.read(files.serverKey()), server);
        assertSigns(PemPrivateKeys.read(files.clientKey()), client);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(PemPrivateKeys.read(files.clientKey()));
        s.update(new byte[] {1});
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(server.getPublicKey());
        v.update(new byte[] {1});
        assertFalse(v.verify(sig), "the client key must not match the server certificate");
    }

    private static void assertSigns(PrivateKey key, X509Certificate cert) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update("proof".getBytes());
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(cert.getPublicKey());
        v.update("proof".getBytes());
        assertTrue(v.verify(sig), cert.getSubjectX500Principal().getName());
    }

    @Test
    void twoBootstrapsCreateDifferentCas(@TempDir Path other) throws Exception {
        X509Certificate otherCa = PemCertificates.read(
                TestBootstraps.fixedClock(NOW).ensure(other, false).files().caCert()).get(0);
        assertNotEquals(ca.getPublicKey(), otherCa.getPublicKey());
    }

    // java.security.cert.X509Certificate#getKeyUsage bit positions (RFC 5280 order).
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private static boolean[] keyUsage(int... bits) {
        boolean[] ku = new boolean[9];
        for (int b : bits) {
            ku[b] = true;
        }
        return ku;
    }
}
