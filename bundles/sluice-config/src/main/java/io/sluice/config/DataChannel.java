package io.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * Data-channel algorithms, names canonicalised (upper case, aliases resolved). {@code dataCiphers}
 * is empty when not configured (OpenVPN then uses its default list); optional ({@code ?}) entries
 * this table does not know are dropped, as OpenVPN drops unavailable ones.
 */
public record DataChannel(Optional<String> cipher, List<String> dataCiphers, Optional<String> dataCiphersFallback,
                          Optional<String> auth) {

    public DataChannel {
        dataCiphers = List.copyOf(dataCiphers);
    }
}
