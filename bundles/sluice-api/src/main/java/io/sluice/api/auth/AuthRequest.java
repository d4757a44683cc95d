package io.sluice.api.auth;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One login attempt, as the client sent it in key method 2.
 *
 * @param server     the name of the server instance being logged into
 * @param username   as sent; may be empty
 * @param password   as sent; may be empty (with {@code auth-token}, the token)
 * @param commonName the common name of the client's certificate, if it presented one
 * @param remote     where the client connects from
 * @param peerInfo   the client's {@code IV_*} and {@code UV_*} variables
 */
public record AuthRequest(String server, String username, String password, Optional<String> commonName,
                          InetSocketAddress remote, Map<String, String> peerInfo) {

    public AuthRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(remote, "remote");
        peerInfo = Map.copyOf(peerInfo);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AuthRequest[server=" + server + ", username=" + username + ", commonName="
                + commonName.orElse("") + ", remote=" + remote + "]";
    }
}
