package io.sluice.api.crypto;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;

/**
 * Service: data-channel ciphers, by OpenVPN name.
 *
 * <p>Registered with the service property {@value #CIPHERS} listing the names it offers,
 * so that the engine can find a provider for a cipher with a filter. When several
 * providers offer one name, the highest {@code service.ranking} wins for new keys.
 */
public interface CipherProvider {

    /** Service property: the OpenVPN cipher names this provider offers ({@code String[]}). */
    String CIPHERS = "sluice.ciphers";

    /** The OpenVPN names offered, upper case. */
    Set<String> ciphers();

    /** What the named cipher is, or empty when this provider does not offer it. Case-insensitive. */
    Optional<CipherSpec> spec(String name);

    /**
     * A context for one direction of one key.
     *
     * @param key {@link CipherSpec#keyLength()} bytes; the provider copies what it keeps
     * @throws GeneralSecurityException when the cipher is not offered or the key is unusable
     */
    CipherContext create(String name, byte[] key, boolean encrypt) throws GeneralSecurityException;
}
