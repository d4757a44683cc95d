package io.sluice.api.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A peer's certificate chain, already verified by the TLS layer against the configured CA.
 *
 * @param instance the tunnel instance asking
 * @param role     whose certificate it is
 * @param chain    the peer's certificate first, then its issuers up to the trust anchor
 */
public record CertificateCheck(String instance, PeerRole role, List<X509Certificate> chain) {

    public CertificateCheck {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(role, "role");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
    }

    /** The peer's own certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
