package io.sluice.itests.net;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A certificate and its key from {@link TestPki}, both as PEM files (for OpenVPN configs) and as Java
 * objects (for Sluice's own configuration or assertions).
 */
public record IssuedCert(String cn, Path cert, Path key, X509Certificate certificate, PrivateKey privateKey) {

    /** SHA-256 of the DER certificate in OpenVPN's {@code peer-fingerprint} format ("AB:CD:..."). */
    public String sha256Fingerprint() {
        return TestPki.sha256Fingerprint(certificate);
    }
}
