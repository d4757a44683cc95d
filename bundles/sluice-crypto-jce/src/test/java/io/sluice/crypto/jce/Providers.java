package io.sluice.crypto.jce;

import java.util.Map;

/** Activated providers, as DS would hand them out, for tests that only use the services. */
final class Providers {

    private Providers() {
    }

    static JceCipherProvider ciphers() {
        JceCipherProvider provider = new JceCipherProvider();
        provider.activate(new FakeBundleContext().context, Map.of());
        return provider;
    }

    static JceDigestProvider digests() {
        JceDigestProvider provider = new JceDigestProvider();
        provider.activate(new FakeBundleContext().context, Map.of());
        return provider;
    }
}
