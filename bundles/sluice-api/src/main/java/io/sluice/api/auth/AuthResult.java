package io.sluice.api.auth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link UserAuthenticator} decided: {@link Accept}, {@link Reject}, or
 * {@link Deferred} when the answer comes later (a RADIUS round trip, a second factor).
 */
public sealed interface AuthResult permits AuthResult.Accept, AuthResult.Reject, AuthResult.Deferred {

    /**
     * The user may connect.
     *
     * @param framedAddress     an IPv4 tunnel address for this user (RADIUS Framed-IP-Address)
     * @param framedIpv6Address an IPv6 tunnel address for this user
     * @param pushOptions       extra options to push to this client, one per element
     *                          ({@code route 10.1.0.0 255.255.0.0})
     * @param attributes        anything else the backend returned, for scripts and logs
     */
    record Accept(Optional<Inet4Address> framedAddress, Optional<Inet6Address> framedIpv6Address,
                  List<String> pushOptions, Map<String, String> attributes) implements AuthResult {

        public Accept {
            Objects.requireNonNull(framedAddress, "framedAddress");
            Objects.requireNonNull(framedIpv6Address, "framedIpv6Address");
            pushOptions = List.copyOf(pushOptions);
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * The user may not connect.
     *
     * @param reason logged on the server; sent to the client only if {@code clientReason} is set
     * @param clientReason what the client is told after {@code AUTH_FAILED,}, if anything
     */
    record Reject(String reason, Optional<String> clientReason) implements AuthResult {

        public Reject {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientReason, "clientReason");
        }
    }

    /**
     * The decision comes later. The stage completes with an {@link Accept} or {@link Reject};
     * completing it exceptionally, or with another {@code Deferred}, rejects the user.
     */
    record Deferred(CompletionStage<AuthResult> decision) implements AuthResult {

        public Deferred {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** Accept with nothing more to say. */
    static AuthResult accept() {
        return new Accept(Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** Reject, telling the client nothing beyond {@code AUTH_FAILED}. */
    static AuthResult reject(String reason) {
        return new Reject(reason, Optional.empty());
    }
}
