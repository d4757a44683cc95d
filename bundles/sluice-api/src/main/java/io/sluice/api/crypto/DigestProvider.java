package io.sluice.api.crypto;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;

/**
 * Service: message digests and HMACs, by OpenVPN name, for {@code auth}, {@code tls-auth} and
 * key derivation.
 *
 * <p>Registered with the service property {@value #DIGESTS} listing the names it offers.
 */
public interface DigestProvider {

    /** Service property: the OpenVPN digest names this provider offers ({@code String[]}). */
    String DIGESTS = "sluice.digests";

    /** The OpenVPN names offered, upper case. */
    Set<String> digests();

    /** What the named digest is, or empty when not offered. Case-insensitive. */
    Optional<DigestSpec> spec(String name);

    /**
     * An HMAC with the named digest and key.
     *
     * @param key the provider copies what it keeps
     * @throws GeneralSecurityException when the digest is not offered
     */
    HmacContext createHmac(String name, byte[] key) throws GeneralSecurityException;
}
