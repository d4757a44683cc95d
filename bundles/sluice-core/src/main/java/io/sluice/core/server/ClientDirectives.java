package io.sluice.core.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's client-config-dir file says about it (or a client-connect hook, later):
 * fixed addresses, subnets behind it, changes to what is pushed, or that it may not connect.
 *
 * @param disabled      {@code disable}: refuse the client
 * @param ifconfigPush  {@code ifconfig-push local remote-netmask}
 * @param ipv6Push      {@code ifconfig-ipv6-push address/bits}
 * @param iroutes       {@code iroute} / {@code iroute-ipv6}: subnets routed to this client
 * @param pushReset     {@code push-reset}: drop the server's own pushes for this client
 * @param pushRemove    {@code push-remove} prefixes
 * @param push          {@code push} options added for this client
 */
public record ClientDirectives(boolean disabled, Optional<ClientAddresses> ifconfigPush, Optional<InetAddress> ipv6Push,
                               List<Subnet> iroutes, boolean pushReset, List<String> pushRemove, List<String> push) {

    /** No file: nothing changes. */
    public static final ClientDirectives NONE = new ClientDirectives(false, Optional.empty(), Optional.empty(),
            List.of(), false, List.of(), List.of());

    public ClientDirectives {
        Objects.requireNonNull(ifconfigPush, "ifconfigPush");
        Objects.requireNonNull(ipv6Push, "ipv6Push");
        iroutes = List.copyOf(iroutes);
        pushRemove = List.copyOf(pushRemove);
        push = List.copyOf(push);
    }

    /** A subnet behind a client ({@code iroute 10.9.0.0 255.255.255.0} is 10.9.0.0/24). */
    public record Subnet(InetAddress network, int prefixLength) {
        public Subnet {
            Objects.requireNonNull(network, "network");
        }
    }
}
