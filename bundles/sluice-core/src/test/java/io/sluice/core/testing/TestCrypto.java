package io.sluice.core.testing;

import io.sluice.core.data.TestCiphers;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.keys.TestDigests;

/** The engine's cipher and digest providers for tests: the JDK's, without OSGi. */
public final class TestCrypto {

    private TestCrypto() {
    }

    public static CryptoProviders providers() {
        return CryptoProviders.of(new TestCiphers(), new TestDigests());
    }
}
