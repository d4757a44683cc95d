package io.sluice.core.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.PrivateKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the private key of {@code key}: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA
 * ({@code RSA PRIVATE KEY}) or SEC1 EC ({@code EC PRIVATE KEY}, with or without a leading
 * {@code EC PARAMETERS} block as {@code openssl ecparam -genkey} writes it).
 *
 * <p>Encrypted keys ({@code ENCRYPTED PRIVATE KEY}: PBES2 or PKCS#5 v1.5 / PKCS#12 PBE as
 * {@code openssl pkcs8 -topk8} and {@code openssl genpkey -aes256} write them; or the legacy
 * {@code Proc-Type: 4,ENCRYPTED} header with {@code DEK-Info} as {@code openssl rsa -aes256
 * -traditional} and {@code openssl ec -aes256} write it) are decrypted when a passphrase is
 * given; without one the error says so. Where the passphrase comes from ({@code askpass}, the
 * terminal) is the caller's business: {@link #isEncrypted} tells it whether to get one.
 * Decryption uses a private Bouncy Castle provider instance (OpenSSL's PBES2/AES names are not
 * all in the JRE's providers); it is never installed globally. The key itself is built by the
 * JRE's providers.
 */
public final class PemPrivateKeys {

    private PemPrivateKeys() {
    }

    /** The one private key in the file, which must not be encrypted. */
    public static PrivateKey read(Path file) throws PemException {
        return parse(file.toString(), PemCertificates.readText(file), null);
    }

    /** The one private key in the file, decrypted with {@code passphrase} if it is encrypted. */
    public static PrivateKey read(Path file, char[] passphrase) throws PemException {
        return parse(file.toString(), PemCertificates.readText(file), passphrase);
    }

    /**
     * Whether {@code pem} holds an encrypted private key, so that {@link #parse} needs a
     * passphrase. False for text that is not PEM at all ({@link #parse} then says what is wrong).
     */
    public static boolean isEncrypted(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The private key in {@code pem}.
     *
     * @param source     what to call the text in messages
     * @param passphrase for an encrypted key; {@code null} if none was given
     */
    public static PrivateKey parse(String source, String pem, char[] passphrase) throws PemException {
        PrivateKeyInfo info = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X9ECParameters || o instanceof ASN1ObjectIdentifier) {
                    continue; // "EC PARAMETERS" ahead of "EC PRIVATE KEY": the key repeats the curve
                }
                if (info != null) {
                    throw new PemException(source + ": more than one private key");
                }
                info = toPrivateKeyInfo(source, o, passphrase);
            }
        } catch (IOException e) {
            throw new PemException(source + ": malformed PEM private key: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PemException(source + ": malformed private key: " + e.getMessage(), e);
        }
        if (info == null) {
            throw new PemException(source + ": no private key found (expected -----BEGIN PRIVATE KEY-----,"
                    + " -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new PemException(source + ": unsupported private key (algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm().getId() + "): " + e.getMessage(), e);
        }
    }

    private static PrivateKeyInfo toPrivateKeyInfo(String source, Object o, char[] passphrase)
            throws PemException, IOException {
        if (o instanceof PrivateKeyInfo info) {
            return info;
        }
        if (o instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassphrase(source, passphrase);
            try {
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider()).build(passphrase);
                return encrypted.decryptPrivateKeyInfo(decryptor);
            } catch (OperatorCreationException | PKCSException | RuntimeException e) {
                throw cannotDecrypt(source, e);
            }
        }
        if (o instanceof PEMEncryptedKeyPair encrypted) {
            requirePassphrase(source, passphrase);
            try {
                PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider()).build(passphrase);
                return encrypted.decryptKeyPair(decryptor).getPrivateKeyInfo();
            } catch (IOException | RuntimeException e) {
                throw cannotDecrypt(source, e);
            }
        }
        throw new PemException(source + ": expected a private key, found " + describe(o));
    }

    private static void requirePassphrase(String source, char[] passphrase) throws PemException {
        if (passphrase == null) {
            throw new PemException(source + ": the private key is encrypted and no passphrase was given");
        }
    }

    /**
     * A key that does not decrypt: with a wrong passphrase, CBC padding almost always fails, and
     * otherwise the plaintext is not DER; both mean the same to the user.
     */
    private static PemException cannotDecrypt(String source, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new PemException(source + ": cannot decrypt the private key (wrong passphrase?): " + why, e);
    }

    /** A name for a PEM object that is not what was expected. */
    static String describe(Object o) {
        if (o instanceof X509CertificateHolder || o instanceof X509TrustedCertificateBlock) {
            return "a certificate";
        }
        if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo
                || o instanceof PEMEncryptedKeyPair) {
            return "a private key";
        }
        if (o instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (o instanceof org.bouncycastle.cert.X509CRLHolder) {
            return "a CRL";
        }
        if (o instanceof org.bouncycastle.pkcs.PKCS10CertificationRequest) {
            return "a certificate request";
        }
        if (o instanceof X9ECParameters || o instanceof ASN1ObjectIdentifier) {
            return "EC parameters";
        }
        return "an unexpected PEM object (" + o.getClass().getSimpleName() + ")";
    }
}
