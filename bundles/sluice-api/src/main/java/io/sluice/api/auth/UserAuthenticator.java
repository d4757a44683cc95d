package io.sluice.api.auth;

/**
 * Service: checks a username and password (OpenVPN's {@code auth-user-pass-verify},
 * RouterOS's PPP secrets, RADIUS, LDAP ...).
 *
 * <p>Registered with the service property {@value #NAME}; a server's configuration names
 * the backends it uses. {@link #authenticate} is called off the network threads, but a
 * backend that waits on the network should answer {@link AuthResult.Deferred} rather than
 * block. An exception thrown here counts as a rejection and is logged.
 */
@FunctionalInterface
public interface UserAuthenticator {

    /** Service property: the backend's name ({@code local}, {@code radius}, {@code ldap} ...). */
    String NAME = "sluice.auth";

    AuthResult authenticate(AuthRequest request);
}
