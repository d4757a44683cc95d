package io.sluice.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherContext;
import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which provider a new key gets when several offer its cipher. */
class ProviderRegistryTest {

    /** A provider offering {@code names}; nothing else of it is used here. */
    private static CipherProvider offering(String... names) {
        return new CipherProvider() {
            @Override
            public Set<String> ciphers() {
                return Set.of(names);
            }

            @Override
            public Optional<CipherSpec> spec(String name) {
                return ciphers().contains(name) ? Optional.of(new CipherSpec(name, CipherMode.CBC, 16, 16, 16, 0))
                        : Optional.empty();
            }

            @Override
            public CipherContext create(String name, byte[] key, boolean encrypt) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void theBestRankedProviderWinsAndDsListsThemLowestRankedFirst() {
        CipherProvider legacy = offering("AES-256-CBC", "BF-CBC");   // service.ranking -10
        CipherProvider jdk = offering("AES-256-CBC", "AES-256-GCM"); // service.ranking 0
        ProviderRegistry registry = new ProviderRegistry(() -> List.of(legacy, jdk), List::of);
        assertSame(jdk, registry.cipher("AES-256-CBC").orElseThrow());
        assertSame(legacy, registry.cipher("BF-CBC").orElseThrow(), "what only one offers comes from it");
        assertEquals(Set.of("AES-256-CBC", "AES-256-GCM", "BF-CBC"), registry.cipherNames());
        assertTrue(registry.cipher("CAST5-CBC").isEmpty());
    }
}
