package io.sluice.core.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the bootstrap PKI's certificates: EC P-256 keys, ECDSA with SHA-256, and the
 * extensions that OpenSSL 3 and OpenVPN 2.6's {@code remote-cert-tls} require (as easy-rsa
 * issues them):
 * <ul>
 *   <li>CA: basicConstraints critical CA:TRUE, keyUsage critical keyCertSign+cRLSign, valid
 *       {@value #CA_DAYS} days;</li>
 *   <li>server: CA:FALSE, keyUsage critical digitalSignature, extendedKeyUsage serverAuth;</li>
 *   <li>client: CA:FALSE, keyUsage critical digitalSignature, extendedKeyUsage clientAuth;</li>
 *   <li>leaves valid {@value #LEAF_DAYS} days (easy-rsa's default, and the CA/Browser Forum's
 *       old maximum, which some clients still enforce).</li>
 * </ul>
 * {@code remote-cert-tls} only requires a keyUsage extension to be present and the EKU to match;
 * for an EC key digitalSignature is the one bit TLS uses (ECDHE-ECDSA and TLS 1.3 sign), and
 * keyEncipherment, which easy-rsa adds for RSA, has no meaning for EC keys (RFC 5480, 3).
 * Every certificate starts {@value #BACKDATE_MINUTES} minutes in the past so a peer whose clock
 * is slightly behind accepts it straight away. Serials are 128-bit numbers, 127 of the bits
 * random (RFC 5280 allows up to 20 octets; unpredictable serials are what keep a chosen-prefix
 * collision on the signature out of reach).
 *
 * <p>Uses the JDK's providers for keys and signatures; no Bouncy Castle provider is installed.
 */
final class CertificateIssuer {

    static final int CA_DAYS = 3650;
    static final int LEAF_DAYS = 825;
    static final int BACKDATE_MINUTES = 60;
    static final int SERIAL_BITS = 128;
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final String CURVE = "secp256r1";

    /** What a leaf certificate is for. */
    enum Purpose { SERVER, CLIENT }

    /** A key pair and the certificate for it. */
    record Issued(KeyPair keys, X509Certificate certificate) {
        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    private final SecureRandom random;
    private final Clock clock;

    CertificateIssuer(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A self-signed CA. */
    Issued newCa(String commonName) throws GeneralSecurityException {
        KeyPair keys = newKeyPair();
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(name, name, keys, CA_DAYS)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(keys, sign(b, keys.getPrivate()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build the CA certificate", e);
        }
    }

    /** A server or client certificate signed by {@code ca}. */
    Issued issue(Issued ca, String commonName, Purpose purpose) throws GeneralSecurityException {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(issuer, name(commonName), keys, LEAF_DAYS)
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            purpose == Purpose.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            return new Issued(keys, sign(b, ca.privateKey()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build the certificate for " + commonName, e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(CURVE), random);
        return g.generateKeyPair();
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, int days) {
        // Whole seconds: X.509 times carry no fractions, so the dates read back equal these.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = now.minus(Duration.ofMinutes(BACKDATE_MINUTES));
        Instant notAfter = now.plus(Duration.ofDays(days));
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore), Date.from(notAfter),
                subject, keys.getPublic());
    }

    /** 127 random bits under a set top bit: always 16 octets of magnitude, never zero or negative. */
    private BigInteger serial() {
        return new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
