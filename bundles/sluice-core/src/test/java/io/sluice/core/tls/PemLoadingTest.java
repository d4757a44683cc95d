package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files for ca, cert, extra-certs and key, and the messages for broken ones. */
class PemLoadingTest {

    /** Only for writing encrypted test keys: the JRE lacks OpenSSL's cipher names. Not installed. */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private final TestPki pki = new TestPki();
    private final TestPki.Authority ca = pki.root("Test CA");

    private static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * {@code EC PRIVATE KEY} as OpenSSL writes it: SEC1 with the curve and public key inside
     * (the JRE's PKCS#8 encoding leaves the curve out of the SEC1 part).
     */
    private static String sec1(KeyPair keys) {
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, key.getS(),
                spki.getPublicKeyData(), spki.getAlgorithm().getParameters());
        try {
            return pem(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void allCertificatesOfABundleAreReadInOrderWithTextBetweenThem() throws PemException {
        TestPki.Authority sub = pki.intermediate(ca, "Sub CA");
        String bundle = "Bag Attributes: ignored\n" + pem(sub.certificate()) + "subject=... also ignored\n" + pem(ca.certificate());

        assertEquals(List.of(sub.certificate(), ca.certificate()), PemCertificates.parse("ca.crt", bundle));
    }

    @Test
    void certificatesAreReadFromAFile(@TempDir Path dir) throws IOException, PemException {
        Path file = dir.resolve("ca.crt");
        Files.writeString(file, pem(ca.certificate()));

        assertEquals(List.of(ca.certificate()), PemCertificates.read(file));
    }

    @Test
    void aFileWithoutCertificatesSaysWhatWasExpected() {
        PemException e = assertThrows(PemException.class, () -> PemCertificates.parse("ca.crt", "just some text\n"));
        assertEquals("ca.crt: no certificate found (expected -----BEGIN CERTIFICATE-----)", e.getMessage());
    }

    @Test
    void aKeyWhereCertificatesBelongIsNamed() {
        KeyPair keys = TestPki.keys(TestPki.Kind.EC);
        PemException e = assertThrows(PemException.class, () -> PemCertificates.parse("client.crt", pem(keys)));
        assertEquals("client.crt: expected certificates, found a private key (block 1)", e.getMessage());
    }

    @Test
    void brokenBase64IsReportedNotThrownUnchecked() {
        String broken = "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n";
        PemException e = assertThrows(PemException.class, () -> PemCertificates.parse("ca.crt", broken));
        assertTrue(e.getMessage().startsWith("ca.crt: malformed"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedWithItsName(@TempDir Path dir) {
        PemException e = assertThrows(PemException.class, () -> PemCertificates.read(dir.resolve("nope.crt")));
        assertTrue(e.getMessage().startsWith(dir.resolve("nope.crt") + ": cannot read"), e.getMessage());
    }

    @Test
    void pkcs1RsaKeysAreRead() throws PemException {
        KeyPair keys = TestPki.keys(TestPki.Kind.RSA);
        String text = pem(keys);
        assertTrue(text.startsWith("-----BEGIN RSA PRIVATE KEY-----"));

        assertSameKey(keys, PemPrivateKeys.parse("rsa.key", text, null));
    }

    @Test
    void sec1EcKeysAreReadAlsoAfterAnEcParametersBlock() throws PemException {
        KeyPair keys = TestPki.keys(TestPki.Kind.EC);
        String text = sec1(keys);
        assertTrue(text.startsWith("-----BEGIN EC PRIVATE KEY-----"));
        String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + text;

        assertSameKey(keys, PemPrivateKeys.parse("ec.key", text, null));
        assertSameKey(keys, PemPrivateKeys.parse("ec.key", withParameters, null));
    }

    @Test
    void pkcs8KeysOfEveryTypeAreRead() throws Exception {
        for (TestPki.Kind kind : TestPki.Kind.values()) {
            KeyPair keys = TestPki.keys(kind);
            String text = pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            assertTrue(text.startsWith("-----BEGIN PRIVATE KEY-----"));

            assertSameKey(keys, PemPrivateKeys.parse(kind + ".key", text, null));
        }
    }

    @Test
    void anEncryptedKeyWithoutPassphraseSaysSo() throws Exception {
        KeyPair keys = TestPki.keys(TestPki.Kind.EC);
        String text = pem(new JcaPKCS8Generator(keys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                        .setPassword("secret".toCharArray()).build()));

        PemException e = assertThrows(PemException.class, () -> PemPrivateKeys.parse("client.key", text, null));

        assertEquals("client.key: the private key is encrypted and no passphrase was given", e.getMessage());
    }

    @Test
    void encryptedKeysAreDecryptedWithThePassphrase() throws Exception {
        KeyPair keys = TestPki.keys(TestPki.Kind.EC);
        String pkcs8 = pem(new JcaPKCS8Generator(keys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                        .setPassword("secret".toCharArray()).build()));
        StringWriter legacy = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(legacy)) {
            // Bouncy Castle's own key objects keep the curve inside SEC1, as OpenSSL writes it.
            java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC", BC);
            KeyPair bcKeys = new KeyPair(
                    factory.generatePublic(new java.security.spec.X509EncodedKeySpec(keys.getPublic().getEncoded())),
                    factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(keys.getPrivate().getEncoded())));
            w.writeObject(bcKeys, new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build("secret".toCharArray()));
        }
        assertTrue(legacy.toString().contains("Proc-Type: 4,ENCRYPTED"));

        assertSameKey(keys, PemPrivateKeys.parse("k", pkcs8, "secret".toCharArray()));
        assertSameKey(keys, PemPrivateKeys.parse("k", legacy.toString(), "secret".toCharArray()));
        PemException wrong = assertThrows(PemException.class, () -> PemPrivateKeys.parse("k", pkcs8, "guess".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("k: cannot decrypt the private key (wrong passphrase?)"), wrong.getMessage());
    }

    @Test
    void aCertificateWhereTheKeyBelongsIsNamed() {
        PemException e = assertThrows(PemException.class, () -> PemPrivateKeys.parse("client.key", pem(ca.certificate()), null));
        assertEquals("client.key: expected a private key, found a certificate", e.getMessage());
    }

    @Test
    void aFileWithoutKeySaysWhichFormatsAreExpected() {
        PemException e = assertThrows(PemException.class, () -> PemPrivateKeys.parse("client.key", "", null));
        assertTrue(e.getMessage().startsWith("client.key: no private key found (expected -----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void twoKeysInOneFileAreRefused() {
        String two = pem(TestPki.keys(TestPki.Kind.EC), TestPki.keys(TestPki.Kind.EC));
        PemException e = assertThrows(PemException.class, () -> PemPrivateKeys.parse("client.key", two, null));
        assertEquals("client.key: more than one private key", e.getMessage());
    }

    @Test
    void loadedFilesMakeWorkingSettings() throws PemException {
        TestPki.Issued server = pki.issue(ca, "server", TestPki.Kind.RSA, TestPki.Usage.SERVER);
        List<java.security.cert.X509Certificate> chain = PemCertificates.parse("server.crt", pem(server.certificate()));
        PrivateKey key = PemPrivateKeys.parse("server.key", pem(new KeyPair(server.certificate().getPublicKey(), server.key())), null);

        TlsSettings settings = TlsSettings.builder("s").trustAnchors(PemCertificates.parse("ca.crt", pem(ca.certificate())))
                .credentials(chain, key).build();

        assertEquals(server.certificate(), settings.certificateChain().get(0));
    }

    /** The loaded key signs what the original public key verifies. */
    private static void assertSameKey(KeyPair expected, PrivateKey actual) {
        String algorithm = switch (expected.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(actual);
            signer.update(new byte[] {1, 2, 3});
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(expected.getPublic());
            verifier.update(new byte[] {1, 2, 3});
            assertTrue(verifier.verify(signature), "the loaded key is not the original");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
