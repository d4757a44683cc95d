package io.sluice.core.server;

import java.io.IOException;
import java.util.Optional;

/**
 * Where per-client directives come from: {@code client-config-dir} (a file per common name),
 * and the same language written by a {@code client-connect} script. Called on the client's
 * control thread when it connects.
 */
public interface ClientConfigSource {

    /** No client-config-dir, and nothing can be parsed. */
    ClientConfigSource NONE = new ClientConfigSource() {
        @Override
        public Optional<ClientDirectives> read(String commonName) {
            return Optional.empty();
        }

        @Override
        public ClientDirectives parse(String text, String source) throws IOException {
            throw new IOException(source + ": client-specific options cannot be read here");
        }
    };

    /**
     * The directives for this client, or empty when there is no file for it.
     *
     * @throws IOException when a file exists but cannot be read or is invalid (the message is
     *     one line naming file, line and option); the client is then refused
     */
    Optional<ClientDirectives> read(String commonName) throws IOException;

    /**
     * Directives in the client-config-dir language that a {@code client-connect} script wrote.
     *
     * @param source names the text in messages
     * @throws IOException when an option is invalid there (one line naming source, line and option)
     */
    ClientDirectives parse(String text, String source) throws IOException;
}
