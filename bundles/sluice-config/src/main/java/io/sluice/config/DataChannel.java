package io.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * Data-channel algorithms, names canonicalised (upper case, aliases resolved). {@code dataCiphers}
 * is empty when not configured (OpenVPN then uses its default list); optional ({@code ?}) entries
 * this table does not know are dropped, as OpenVPN drops unavailable ones. {@code compression} is the
 * payload framing {@code comp-lzo}/{@code compress} ask for.
 */
public record DataChannel(Optional<String> cipher, List<String> dataCiphers, Optional<String> dataCiphersFallback,
                          Optional<String> auth, Compression compression) {

    /** OpenVPN 2.6's {@code data-ciphers} when none is configured (options.c, with CHACHA20-POLY1305 available). */
    public static final List<String> DEFAULT_DATA_CIPHERS = List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305");

    public DataChannel {
        dataCiphers = List.copyOf(dataCiphers);
        java.util.Objects.requireNonNull(compression, "compression");
    }

    /** The ciphers negotiation offers or accepts: {@code data-ciphers}, else OpenVPN's default list. */
    public List<String> effectiveDataCiphers() {
        return dataCiphers.isEmpty() ? DEFAULT_DATA_CIPHERS : dataCiphers;
    }

    /**
     * Whether {@code cipher} is set to something cipher negotiation ignores: OpenVPN 2.6 warns and
     * ignores a {@code cipher} missing from {@code data-ciphers} unless {@code data-ciphers-fallback}
     * is set; it uses neither for negotiation with a peer that announces its ciphers.
     */
    public boolean cipherIgnored() {
        return cipher.isPresent() && dataCiphersFallback.isEmpty() && !effectiveDataCiphers().contains(cipher.get());
    }
}
