package io.sluice.api.cert;

/**
 * Service: a check on a peer's certificate chain beyond CA verification, such as
 * revocation ({@code crl-verify}), {@code remote-cert-tls} or {@code verify-x509-name}.
 *
 * <p>Registered with the service property {@value #NAME}. Every checker a tunnel uses must
 * accept; an exception counts as a rejection. Called during the handshake, so it must
 * answer quickly from local data.
 */
@FunctionalInterface
public interface CertificateChecker {

    /** Service property: the checker's name ({@code crl}, {@code ocsp} ...). */
    String NAME = "sluice.certcheck";

    CheckResult check(CertificateCheck check);
}
