package io.sluice.core.runtime;

import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.core.engine.CryptoProviders;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Crypto providers as the engine component holds them now (lists DS replaces as services come
 * and go): each call answers from the current lists, so a new key gets whatever is installed at
 * that moment. When several providers offer a name, the best-ranked wins, as
 * {@code getServiceReference} would choose it: highest {@code service.ranking}, then the oldest.
 *
 * <p>DS hands a field reference's list in {@code ServiceReference.compareTo} order, which is
 * ascending: lowest ranking first, and the best provider last (OSGi Compendium 112.3.8.1). So
 * the lists are searched from the end.
 */
final class ProviderRegistry implements CryptoProviders {

    private final Supplier<List<CipherProvider>> ciphers;
    private final Supplier<List<DigestProvider>> digests;

    ProviderRegistry(Supplier<List<CipherProvider>> ciphers, Supplier<List<DigestProvider>> digests) {
        this.ciphers = ciphers;
        this.digests = digests;
    }

    @Override
    public Optional<CipherProvider> cipher(String name) {
        for (CipherProvider p : bestFirst(ciphers.get())) {
            if (offers(() -> p.spec(name).isPresent())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<DigestProvider> digest(String name) {
        for (DigestProvider p : bestFirst(digests.get())) {
            if (offers(() -> p.spec(name).isPresent())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public Set<String> cipherNames() {
        Set<String> names = new TreeSet<>();
        for (CipherProvider p : ciphers.get()) {
            try {
                names.addAll(p.ciphers());
            } catch (RuntimeException e) {
                // A provider that fails here offers nothing; the others still count.
            }
        }
        return names;
    }

    /** DS's ascending order turned around: the best-ranked provider first. */
    static <T> List<T> bestFirst(List<T> ascending) {
        List<T> copy = new java.util.ArrayList<>(ascending == null ? List.of() : ascending);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** A plugin's answer, or false if it throws: one broken provider must not take the engine down. */
    private static boolean offers(Supplier<Boolean> question) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
