package io.sluice.core.client;

import java.util.Objects;

/**
 * What {@code auth-user-pass} sends: a username and a password (or, after the server pushed an
 * {@code auth-token}, the token in its place).
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
