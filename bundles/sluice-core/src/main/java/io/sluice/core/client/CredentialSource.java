package io.sluice.core.client;

import java.util.Optional;

/**
 * Where {@code auth-user-pass} comes from: a file read again when needed, an inline block, or
 * the terminal. The instance keeps what it read only as long as {@code auth-nocache} allows.
 */
@FunctionalInterface
public interface CredentialSource {

    /** The username and password now; empty when they cannot be had (no terminal to ask on). */
    Optional<Credentials> read();

    /** Always the same credentials (an inline block, a test). */
    static CredentialSource of(Credentials credentials) {
        return () -> Optional.of(credentials);
    }

    /**
     * {@code first} on the first call (read while the configuration was checked, so a missing
     * file is a configuration error), then {@code later} on every further call.
     */
    static CredentialSource firstThen(Credentials first, CredentialSource later) {
        return new CredentialSource() {
            private Credentials pending = first;

            @Override
            public synchronized Optional<Credentials> read() {
                if (pending != null) {
                    Credentials c = pending;
                    pending = null;
                    return Optional.of(c);
                }
                return later.read();
            }
        };
    }
}
