package io.sluice.core.events;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The authenticated peer of a connection, as its scripts see it: where it is
 * ({@code trusted_ip}, {@code untrusted_ip}), its certificates ({@code X509_0_CN}, {@code tls_id_0}
 * ...) and its common name.
 *
 * @param address    the peer's transport address
 * @param commonName its common name, as the TLS layer settled it ({@code UNDEF} without one)
 * @param chain      its certificate first, then the issuers up to the CA; empty without certificates
 */
public record PeerFacts(InetSocketAddress address, String commonName, List<X509Certificate> chain) {

    public PeerFacts {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(commonName, "commonName");
        chain = List.copyOf(chain);
    }
}
