package io.sluice.core.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server's {@link ControlProtection} makes of a client's first packet: the wrapper the
 * new session uses and, with tls-crypt-v2, the metadata of the client's key, which
 * {@code tls-crypt-v2-verify} still has to accept before the session may go on.
 *
 * @param wrapper  the session's wrapper, fresh
 * @param metadata the client key's metadata; empty unless the protection is tls-crypt-v2
 */
public record SessionProtection(ControlWrapper wrapper, Optional<ClientKeyMetadata> metadata) {

    public SessionProtection {
        Objects.requireNonNull(wrapper, "wrapper");
        Objects.requireNonNull(metadata, "metadata");
    }
}
