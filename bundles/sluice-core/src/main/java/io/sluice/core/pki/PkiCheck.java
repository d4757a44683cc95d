package io.sluice.core.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.tls.PemCertificates;
import io.sluice.core.tls.PemException;
import io.sluice.core.tls.PemPrivateKeys;

/**
 * Checks an existing PKI before it is reused, so that a damaged or mismatched file is reported
 * at start, naming the file, rather than as a TLS failure on the first connection: every file
 * parses with the loaders the server uses, each key belongs to its certificate, and the server
 * and client certificates were signed by the CA.
 */
final class PkiCheck {

    private PkiCheck() {
    }

    static void verify(PkiFiles files, SecureRandom random) throws PkiException {
        X509Certificate ca = certificate(files.caCert());
        if (ca.getBasicConstraints() < 0) {
            throw new PkiException(files.caCert() + ": not a CA certificate (basicConstraints CA:TRUE missing)");
        }
        requireMatch(ca, files.caCert(), key(files.caKey()), files.caKey(), random);
        for (Path[] pair : new Path[][] {{files.serverCert(), files.serverKey()},
                {files.clientCert(), files.clientKey()}}) {
            X509Certificate cert = certificate(pair[0]);
            try {
                cert.verify(ca.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new PkiException(pair[0] + ": not issued by the CA in " + files.caCert(), e);
            }
            requireMatch(cert, pair[0], key(pair[1]), pair[1], random);
        }
    }

    /** The file must be an OpenVPN static key as the server will load it. */
    static void verifyStaticKey(Path file) throws PkiException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            Key2 key = StaticKeyFile.parse(new String(bytes, StandardCharsets.ISO_8859_1));
            key.destroy();
        } catch (IllegalArgumentException e) {
            throw new PkiException(file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static X509Certificate certificate(Path file) throws PkiException {
        try {
            return PemCertificates.read(file).get(0);
        } catch (PemException e) {
            throw new PkiException(e.getMessage(), e);
        }
    }

    private static PrivateKey key(Path file) throws PkiException {
        try {
            return PemPrivateKeys.read(file);
        } catch (PemException e) {
            throw new PkiException(e.getMessage(), e);
        }
    }

    /** Proves possession the direct way: a signature by the key verifies under the certificate. */
    private static void requireMatch(X509Certificate cert, Path certFile, PrivateKey key, Path keyFile,
            SecureRandom random) throws PkiException {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "ED25519", "ED448", "EDDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            throw new PkiException(keyFile + ": unsupported key type " + key.getAlgorithm());
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key, random);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's lands here: the same answer
        }
        throw new PkiException(keyFile + ": not the private key of the certificate in " + certFile);
    }
}
