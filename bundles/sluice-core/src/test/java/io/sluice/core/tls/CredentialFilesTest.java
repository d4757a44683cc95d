package io.sluice.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys and PKCS#12 files as the real {@code openssl} command writes them (fixtures made by
 * {@code src/test/resources/io/sluice/core/tls/credentials/generate.sh}; see the README there):
 * every PEM key format OpenVPN profiles carry, RSA and EC, plain and encrypted, and PKCS#12
 * files with and without a password, with OpenSSL 3's default encryption and the legacy one.
 */
class CredentialFilesTest {

    static final String PASSPHRASE = "correct horse";
    static final String UTF8_PASSPHRASE = "p\u00e4ssw\u00f6rd";

    /** A fixture file. */
    static Path fixture(String name) {
        URL url = CredentialFilesTest.class.getResource("credentials/" + name);
        if (url == null) {
            throw new AssertionError("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(String name) {
        try {
            return Files.readString(fixture(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static X509Certificate certificate(String name) throws PemException {
        return PemCertificates.read(fixture(name)).get(0);
    }

    /** The certificate for a key file: rsa-... keys belong to rsa.crt, ec-... keys to ec.crt. */
    private static X509Certificate certificateFor(String keyFile) throws PemException {
        return certificate(keyFile.startsWith("rsa") ? "rsa.crt" : "ec.crt");
    }

    private static void assertBelongsTo(X509Certificate certificate, PrivateKey key) {
        KeyType.of(certificate).requireMatch(certificate, key); // throws if not
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs1.key", "rsa-pkcs8.key", "ec-sec1.key", "ec-ecparam.key", "ec-pkcs8.key"})
    void plainKeysInEveryFormatAreRead(String file) throws PemException {
        assertFalse(PemPrivateKeys.isEncrypted(text(file)));
        PrivateKey key = PemPrivateKeys.read(fixture(file));
        assertEquals(file.startsWith("rsa") ? "RSA" : "EC", key.getAlgorithm());
        assertBelongsTo(certificateFor(file), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8-aes256.key", "rsa-pkey-aes256.key", "rsa-pkcs1-aes256.key",
            "rsa-pkcs1-des3.key", "rsa-pkcs8-3des.key", "ec-pkcs8-aes256.key", "ec-sec1-aes256.key"})
    void encryptedKeysInEveryFormatAreDecryptedWithTheRightPassphrase(String file) throws PemException {
        assertTrue(PemPrivateKeys.isEncrypted(text(file)));
        assertBelongsTo(certificateFor(file), PemPrivateKeys.read(fixture(file), PASSPHRASE.toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8-aes256.key", "rsa-pkey-aes256.key", "rsa-pkcs1-aes256.key",
            "rsa-pkcs1-des3.key", "rsa-pkcs8-3des.key", "ec-pkcs8-aes256.key", "ec-sec1-aes256.key"})
    void aWrongPassphraseIsOneMessageNamingTheFile(String file) {
        PemException e = assertThrows(PemException.class,
                () -> PemPrivateKeys.parse(file, text(file), "wrong horse".toCharArray()));
        assertTrue(e.getMessage().startsWith(file + ": cannot decrypt the private key (wrong passphrase?): "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs8-aes256.key", "rsa-pkcs1-aes256.key", "ec-sec1-aes256.key"})
    void anEncryptedKeyWithoutPassphraseSaysSo(String file) {
        PemException e = assertThrows(PemException.class, () -> PemPrivateKeys.parse(file, text(file), null));
        assertEquals(file + ": the private key is encrypted and no passphrase was given", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-pkcs8-aes256-utf8.key", "ec-sec1-aes256-utf8.key"})
    void aNonAsciiPassphraseIsUsedAsItsUtf8BytesAsOpenSslUsesIt(String file) throws PemException {
        assertBelongsTo(certificate("ec.crt"), PemPrivateKeys.read(fixture(file), UTF8_PASSPHRASE.toCharArray()));
    }

    @Test
    void aPkcs12FileWithAPasswordGivesCertificateKeyAndCaAndDoesNotOpenWithoutIt() throws Exception {
        Pkcs12File p12 = Pkcs12File.read(fixture("rsa.p12"));
        assertEquals(Optional.empty(), p12.openWithoutPassword());

        Pkcs12File.Contents c = p12.open(PASSPHRASE);

        assertEquals(certificate("rsa.crt"), c.certificate());
        assertBelongsTo(c.certificate(), c.privateKey());
        assertEquals(List.of(certificate("ca.crt")), c.caCertificates());
    }

    @Test
    void aWrongPkcs12PasswordIsSaidToBeWrong() throws Exception {
        Pkcs12File p12 = Pkcs12File.read(fixture("rsa.p12"));
        PemException e = assertThrows(PemException.class, () -> p12.open("wrong horse"));
        assertEquals(fixture("rsa.p12") + ": MAC verification failed: wrong PKCS#12 password (or a corrupted file)",
                e.getMessage());
    }

    @Test
    void aPkcs12FileWithTheEmptyPasswordOpensWithoutAsking() throws Exception {
        Pkcs12File.Contents c = Pkcs12File.read(fixture("ec-nopass.p12")).openWithoutPassword().orElseThrow();
        assertEquals(certificate("ec.crt"), c.certificate());
        assertBelongsTo(c.certificate(), c.privateKey());
        assertEquals(List.of(certificate("ca.crt")), c.caCertificates());
    }

    @Test
    void aPkcs12FileWithoutCaCertificatesHasNone() throws Exception {
        Pkcs12File.Contents c = Pkcs12File.read(fixture("ec-noca.p12")).open(PASSPHRASE);
        assertEquals(certificate("ec.crt"), c.certificate());
        assertEquals(List.of(), c.caCertificates());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-3des.p12", "ec-legacy.p12"})
    void legacyEncryptedPkcs12FilesAreRead(String file) throws Exception {
        // rsa-3des: pbeWithSHA1And3-KeyTripleDES-CBC and a SHA-1 MAC; ec-legacy: openssl -legacy,
        // RC2-40 for the certificates and 3DES for the key.
        Pkcs12File p12 = Pkcs12File.read(fixture(file));
        assertEquals(Optional.empty(), p12.openWithoutPassword());
        Pkcs12File.Contents c = p12.open(PASSPHRASE);
        assertEquals(certificateFor(file), c.certificate());
        assertBelongsTo(c.certificate(), c.privateKey());
        assertEquals(List.of(certificate("ca.crt")), c.caCertificates());
        assertThrows(PemException.class, () -> p12.open("wrong horse"));
    }

    @Test
    void aNonAsciiPkcs12PasswordWorksAsWithOpenSsl() throws Exception {
        Pkcs12File.Contents c = Pkcs12File.read(fixture("ec-utf8.p12")).open(UTF8_PASSPHRASE);
        assertEquals(certificate("ec.crt"), c.certificate());
    }

    @Test
    void caCertificatesKeepTheirOrderAndTheOwnCertificateIsTheOneOfTheKey() throws Exception {
        Pkcs12File.Contents c = Pkcs12File.read(fixture("chain.p12")).open(PASSPHRASE);
        assertEquals(certificate("chain.crt"), c.certificate());
        assertEquals(List.of(certificate("sub-ca.crt"), certificate("ca.crt")), c.caCertificates());
    }

    @Test
    void anInlinePkcs12BlockIsBase64() throws Exception {
        Pkcs12File.Contents c = Pkcs12File.parseBase64("[inline]", text("rsa.p12.b64")).open(PASSPHRASE);
        assertEquals(certificate("rsa.crt"), c.certificate());
    }

    @Test
    void whatIsNotPkcs12IsSaidSo() {
        PemException pem = assertThrows(PemException.class,
                () -> Pkcs12File.parse("ca.crt", text("ca.crt").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(pem.getMessage().startsWith("ca.crt: not a PKCS#12 file: "), pem.getMessage());
        PemException empty = assertThrows(PemException.class, () -> Pkcs12File.parse("x.p12", new byte[0]));
        assertEquals("x.p12: empty file, not PKCS#12", empty.getMessage());
        PemException base64 = assertThrows(PemException.class, () -> Pkcs12File.parseBase64("[inline]", "%%%"));
        assertTrue(base64.getMessage().startsWith("[inline]: not base64-encoded PKCS#12"), base64.getMessage());
    }

    @Test
    void aTruncatedPkcs12FileIsReportedNotThrownUnchecked() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("rsa.p12"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        PemException e = assertThrows(PemException.class, () -> Pkcs12File.parse("half.p12", half).open(PASSPHRASE));
        assertTrue(e.getMessage().startsWith("half.p12: "), e.getMessage());
    }
}
