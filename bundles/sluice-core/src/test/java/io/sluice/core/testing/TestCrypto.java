package io.sluice.core.testing;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.data.TestCiphers;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.TestDigests;
import java.util.Optional;
import java.util.Set;

/** The engine's cipher and digest providers for tests: the JDK's, without OSGi. */
public final class TestCrypto {

    private TestCrypto() {
    }

    public static CryptoProviders providers() {
        TestCiphers ciphers = new TestCiphers();
        TestDigests digests = new TestDigests();
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
