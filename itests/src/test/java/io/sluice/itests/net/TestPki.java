package io.sluice.itests.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for one test, generated in memory with Bouncy Castle and written as PEM files.
 *
 * <p>Certificates carry exactly what OpenVPN's {@code remote-cert-tls} checks: servers have key usage
 * digitalSignature+keyEncipherment and extended key usage serverAuth, clients digitalSignature and
 * clientAuth. EC P-256 keys by default because they are generated in milliseconds; RSA 2048 on
 * request. Everything uses the JDK's own providers (no global Bouncy Castle provider is installed,
 * which could change what other tests in the same JVM see). Validity: one hour back (clock skew
 * between namespaces is impossible, but between a test and a VM it is not), seven days forward.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(lab.dir().resolve("pki"));
 * IssuedCert server = pki.server("server");
 * IssuedCert client = pki.client("alice");
 * // ca pki.caCert(), cert server.cert(), key server.key() ...
 * }</pre>
 */
public final class TestPki {

    /** The key algorithm for every key of this PKI. */
    public enum KeyType {
        EC_P256("SHA256withECDSA"),
        RSA_2048("SHA256withRSA");

        final String signature;

        KeyType(String signature) {
            this.signature = signature;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyType type;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final Path caCert;

    private TestPki(Path dir, KeyType type) throws GeneralSecurityException, IOException, OperatorCreationException {
        this.dir = dir;
        this.type = type;
        Files.createDirectories(dir);
        this.caKeys = newKeyPair();
        X500Name name = name("Sluice Test CA " + Long.toHexString(RANDOM.nextLong() >>> 16));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = builder(name, name, caKeys)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
        this.ca = sign(b, caKeys.getPrivate());
        this.caCert = dir.resolve("ca.crt");
        writePem(caCert, ca);
    }

    /** A new CA with EC P-256 keys, its certificate written to {@code dir/ca.crt}. */
    public static TestPki create(Path dir) {
        return create(dir, KeyType.EC_P256);
    }

    public static TestPki create(Path dir, KeyType type) {
        try {
            return new TestPki(dir, type);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test CA", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public KeyType keyType() {
        return type;
    }

    /** The CA certificate as PEM ({@code ca.crt}). */
    public Path caCert() {
        return caCert;
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** The CA's private key, for tests that need to sign more (CRLs, odd certificates). */
    public PrivateKey caPrivateKey() {
        return caKeys.getPrivate();
    }

    /** A server certificate signed by this CA: {@code <cn>.crt} and {@code <cn>.key}. */
    public IssuedCert server(String cn) {
        return issue(cn, true, false);
    }

    /** A client certificate signed by this CA: {@code <cn>.crt} and {@code <cn>.key}. */
    public IssuedCert client(String cn) {
        return issue(cn, false, false);
    }

    /** A self-signed server certificate (no CA), for {@code peer-fingerprint} setups. */
    public IssuedCert selfSignedServer(String cn) {
        return issue(cn, true, true);
    }

    /** A self-signed client certificate (no CA), for {@code peer-fingerprint} setups. */
    public IssuedCert selfSignedClient(String cn) {
        return issue(cn, false, true);
    }

    private IssuedCert issue(String cn, boolean server, boolean selfSigned) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = name(cn);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(selfSigned ? subject : X500Name.getInstance(
                    ca.getSubjectX500Principal().getEncoded()), subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(server
                            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                            : KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (!selfSigned) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            }
            X509Certificate cert = sign(b, selfSigned ? keys.getPrivate() : caKeys.getPrivate());
            String base = NetLab.safe(cn, 64);
            Path certFile = dir.resolve(base + ".crt");
            Path keyFile = dir.resolve(base + ".key");
            writePem(certFile, cert);
            writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null));
            ownerOnly(keyFile); // OpenVPN warns about group/other-readable keys
            return new IssuedCert(cn, certFile, keyFile, cert, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate for " + cn, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over the DER certificate as colon-separated upper-case hex, as OpenVPN prints and expects it. */
    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        if (type == KeyType.RSA_2048) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Sluice tests").addRDN(BCStyle.CN, cn).build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))),
                subject, keys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(type.signature).build(signer)));
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static void writePem(Path file, Object o) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }

}
