package io.sluice.core.wire;

import io.sluice.core.keys.Key2;
import java.util.Objects;

/**
 * What a server learns from a client's wrapped key: the client's tls-crypt key Kc and the
 * metadata wrapped with it.
 */
public record UnwrappedClientKey(Key2 kc, ClientKeyMetadata metadata) {

    public UnwrappedClientKey {
        Objects.requireNonNull(kc, "kc");
        Objects.requireNonNull(metadata, "metadata");
    }
}
