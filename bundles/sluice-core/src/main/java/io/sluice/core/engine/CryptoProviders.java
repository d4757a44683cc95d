package io.sluice.core.engine;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;
import java.util.Optional;
import java.util.Set;

/**
 * The cipher and digest providers installed now, by OpenVPN name.
 *
 * <p>An implementation answers from what is registered at the moment of the call; the engine
 * asks when a key is made and keeps the provider it got for that key's life, so a provider
 * that goes away ends only the keys it made. Thread-safe.
 */
public interface CryptoProviders {

    /** The provider to use for a new key with this cipher, if any offers it. Case-insensitive. */
    Optional<CipherProvider> cipher(String name);

    /** The provider to use for a new key with this digest, if any offers it. Case-insensitive. */
    Optional<DigestProvider> digest(String name);

    /** The cipher names offered now, upper case. */
    Set<String> cipherNames();

    default Optional<CipherSpec> cipherSpec(String name) {
        return cipher(name).flatMap(p -> p.spec(name));
    }

    default Optional<DigestSpec> digestSpec(String name) {
        return digest(name).flatMap(p -> p.spec(name));
    }

    /** One fixed provider of each kind, outside a container (tests, benchmarks, embedded use). */
    static CryptoProviders of(CipherProvider ciphers, DigestProvider digests) {
        java.util.Objects.requireNonNull(ciphers, "ciphers");
        java.util.Objects.requireNonNull(digests, "digests");
        return new CryptoProviders() {
            @Override
            public Optional<CipherProvider> cipher(String name) {
                return ciphers.spec(name).map(s -> ciphers);
            }

            @Override
            public Optional<DigestProvider> digest(String name) {
                return digests.spec(name).map(s -> digests);
            }

            @Override
            public Set<String> cipherNames() {
                return ciphers.ciphers();
            }
        };
    }
}
