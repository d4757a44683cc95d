package io.sluice.core.server;

import java.io.IOException;
import java.util.Optional;

/**
 * Where per-client directives come from: {@code client-config-dir} (a file per common name).
 * Called on the client's control thread when it connects.
 */
@FunctionalInterface
public interface ClientConfigSource {

    /** No client-config-dir. */
    ClientConfigSource NONE = commonName -> Optional.empty();

    /**
     * The directives for this client, or empty when there is no file for it.
     *
     * @throws IOException when a file exists but cannot be read or is invalid (the message is
     *     one line naming file, line and option); the client is then refused
     */
    Optional<ClientDirectives> read(String commonName) throws IOException;
}
