package io.sluice.bench.handshake;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.crypto.jce.JceCipherProvider;
import io.sluice.crypto.jce.JceDigestProvider;
import java.util.Optional;
import java.util.Set;

/** The engine's providers outside the container: the JDK bundle's, as the container would offer them. */
final class StandaloneCrypto implements CryptoProviders {

    private final JceCipherProvider ciphers = JceCipherProvider.standalone();
    private final JceDigestProvider digests = JceDigestProvider.standalone();

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
}
