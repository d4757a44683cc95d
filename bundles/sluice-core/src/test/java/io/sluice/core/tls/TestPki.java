package io.sluice.core.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for one test, with Bouncy Castle, relative to a fixed "now" so that validity
 * never depends on when the test runs. Keys come from the JRE's providers (no global provider).
 */
public final class TestPki {

    /** The instant every test's clock is fixed at. */
    public static final Instant NOW = Instant.parse("2031-03-14T12:00:00Z");

    public enum Kind {
        EC, RSA, ED25519
    }

    /** What a certificate is for: decides its key usage and extended key usage. */
    public enum Usage {
        /** KU digitalSignature+keyEncipherment, EKU serverAuth (easy-rsa's server). */
        SERVER,
        /** KU digitalSignature, EKU clientAuth (easy-rsa's client). */
        CLIENT,
        /** KU digitalSignature, no EKU at all. */
        NO_EKU,
        /** EKU clientAuth, no KU at all. */
        NO_KU
    }

    /** A CA that can issue. */
    public record Authority(X509Certificate certificate, KeyPair keys, List<X509Certificate> chainAboveAndSelf) {
    }

    /** An issued end-entity certificate: {@code chain} is cert + extra-certs (not the root). */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private long serial = 1;

    static KeyPair keys(Kind kind) {
        try {
            switch (kind) {
                case RSA: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, RANDOM);
                    return g.generateKeyPair();
                }
                case ED25519:
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                default: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    return g.generateKeyPair();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Authority root(String cn) {
        try {
            return rootUnchecked(cn);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Authority rootUnchecked(String cn) throws java.io.IOException {
        KeyPair keys = keys(Kind.EC);
        X500Name name = name(cn);
        X509Certificate cert = sign(builder(name, name, keys, NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), keys);
        return new Authority(cert, keys, List.of(cert));
    }

    Authority intermediate(Authority parent, String cn) {
        try {
            return intermediateUnchecked(parent, cn);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Authority intermediateUnchecked(Authority parent, String cn) throws java.io.IOException {
        KeyPair keys = keys(Kind.EC);
        X509Certificate cert = sign(builder(subjectOf(parent), name(cn), keys, NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(365)))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                parent.keys());
        List<X509Certificate> chain = new ArrayList<>(parent.chainAboveAndSelf());
        chain.add(cert);
        return new Authority(cert, keys, List.copyOf(chain));
    }

    public Issued issue(Authority ca, String cn, Kind kind, Usage usage) {
        return issue(ca, cn, kind, usage, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    }

    Issued issue(Authority ca, String cn, Kind kind, Usage usage, Instant notBefore, Instant notAfter) {
        KeyPair keys = keys(kind);
        X509Certificate cert = sign(withUsage(builder(subjectOf(ca), name(cn), keys, notBefore, notAfter), usage),
                ca.keys());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        // extra-certs: the intermediates, leaf side first; the root stays out, as in practice.
        List<X509Certificate> above = ca.chainAboveAndSelf();
        for (int i = above.size() - 1; i >= 1; i--) {
            chain.add(above.get(i));
        }
        return new Issued(cert, keys.getPrivate(), List.copyOf(chain));
    }

    /** A self-signed end-entity certificate, as for {@code peer-fingerprint} setups. */
    Issued selfSigned(String cn, Kind kind, Usage usage) {
        KeyPair keys = keys(kind);
        X500Name name = name(cn);
        X509Certificate cert = sign(withUsage(builder(name, name, keys, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30))), usage), keys);
        return new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    /** A leaf naming {@code ca} as issuer but signed by another key. */
    Issued forged(Authority ca, String cn) {
        KeyPair impostor = keys(Kind.EC);
        KeyPair keys = keys(Kind.EC);
        X509Certificate cert = sign(withUsage(builder(subjectOf(ca), name(cn), keys, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30))), Usage.CLIENT), impostor);
        return new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    private static X509v3CertificateBuilder withUsage(X509v3CertificateBuilder b, Usage usage) {
        try {
            switch (usage) {
                case SERVER:
                    return b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true,
                                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                case CLIENT:
                    return b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                case NO_EKU:
                    return b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                case NO_KU:
                    return b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                default:
                    throw new AssertionError(usage);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String cn) {
        return new X500Name("O=Sluice tests, CN=" + cn);
    }

    private static X500Name subjectOf(Authority ca) {
        return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant from, Instant to) {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++), Date.from(from), Date.from(to),
                subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) {
        String algorithm;
        switch (signer.getPrivate().getAlgorithm()) {
            case "RSA":
                algorithm = "SHA256withRSA";
                break;
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            default:
                algorithm = "Ed25519";
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
