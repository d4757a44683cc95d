package io.sluice.core.tls;

import java.util.Objects;

import io.sluice.api.cert.CertificateChecker;

/**
 * A {@link CertificateChecker} service with the name it was registered under (its
 * {@value CertificateChecker#NAME} property), so that a rejection can say which check refused.
 */
public record NamedCertificateChecker(String name, CertificateChecker checker) {

    public NamedCertificateChecker {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checker, "checker");
    }
}
