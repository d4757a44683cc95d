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

    /**
     * These directives followed by {@code later} ones, as OpenVPN applies a client-connect
     * script's file after the client-config-dir file: a later address, disable or push-reset
     * wins; iroutes and pushes add up (a later push-reset drops this one's pushes).
     */
    public ClientDirectives with(ClientDirectives later) {
        List<Subnet> routes = new java.util.ArrayList<>(iroutes);
        routes.addAll(later.iroutes);
        List<String> pushes = new java.util.ArrayList<>(later.pushReset ? List.of() : push);
        pushes.addAll(later.push);
        List<String> removes = new java.util.ArrayList<>(pushRemove);
        removes.addAll(later.pushRemove);
        return new ClientDirectives(disabled || later.disabled, later.ifconfigPush.or(() -> ifconfigPush),
                later.ipv6Push.or(() -> ipv6Push), routes, pushReset || later.pushReset, removes, pushes);
    }

    /** A subnet behind a client ({@code iroute 10.9.0.0 255.255.255.0} is 10.9.0.0/24). */
    public record Subnet(InetAddress network, int prefixLength) {
        public Subnet {
            Objects.requireNonNull(network, "network");
        }
    }
}
