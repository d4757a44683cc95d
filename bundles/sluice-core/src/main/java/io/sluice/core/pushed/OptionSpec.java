package io.sluice.core.pushed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many arguments each option a client can take from a push has, and its permission class, as
 * the conditions of OpenVPN 2.6's options.c {@code add_option} branches say ({@code p[1] && !p[2]}
 * is exactly one argument). An option with the wrong count is "Unrecognized", whatever its class,
 * because OpenVPN tests the count before the permission.
 *
 * @param min the fewest arguments
 * @param max the most arguments ({@link #ANY}: up to the 15 a line can have)
 */
record OptionSpec(int min, int max, OptionClass optionClass) {

    /** options.h {@code MAX_PARMS} is 16 words, so at most 15 arguments. */
    static final int ANY = 15;

    private static final Map<String, OptionSpec> SPECS = new HashMap<>();

    static {
        spec(OptionClass.UP, 2, 2, "ifconfig", "ifconfig-ipv6");
        spec(OptionClass.UP, 1, 1, "topology", "lladdr");
        spec(OptionClass.UP, 0, 0, "ifconfig-noexec", "ifconfig-nowarn", "show-net-up");
        spec(OptionClass.PUSH_MTU, 1, 2, "tun-mtu");
        spec(OptionClass.TIMER, 1, 1, "ping", "ping-exit", "ping-restart", "session-timeout");
        spec(OptionClass.TIMER, 0, 0, "ping-timer-rem");
        spec(OptionClass.TIMER, 1, 2, "inactive");
        spec(OptionClass.EXPLICIT_NOTIFY, 0, 1, "explicit-exit-notify");
        spec(OptionClass.PERSIST, 0, 0, "persist-tun", "persist-key");
        spec(OptionClass.MESSAGES, 1, 1, "verb", "mute");
        spec(OptionClass.MESSAGES, 0, 0, "errors-to-stderr");
        spec(OptionClass.SOCKBUF, 1, 1, "rcvbuf", "sndbuf");
        spec(OptionClass.SOCKFLAGS, 0, ANY, "socket-flags");
        spec(OptionClass.SOCKFLAGS, 1, ANY, "bind-dev");
        spec(OptionClass.SHAPER, 1, 1, "shaper");
        spec(OptionClass.SETENV, 1, 2, "setenv-safe");
        spec(OptionClass.COMP, 0, 1, "comp-lzo", "compress");
        spec(OptionClass.COMP, 0, 0, "comp-noadapt");
        spec(OptionClass.ECHO, 0, ANY, "echo", "parameter");
        spec(OptionClass.ECHO, 1, 1, "auth-token", "auth-token-user");
        spec(OptionClass.PEER_ID, 1, 1, "peer-id");
        spec(OptionClass.NCP, 1, 1, "cipher");
        spec(OptionClass.NCP, 1, ANY, "key-derivation", "protocol-flags");
        spec(OptionClass.PULL_MODE, 1, 1, "push-continuation");
        spec(OptionClass.ROUTE, 1, 4, "route");
        spec(OptionClass.ROUTE, 1, 3, "route-ipv6");
        spec(OptionClass.ROUTE, 1, 1, "route-metric");
        spec(OptionClass.ROUTE, 0, ANY, "redirect-gateway", "redirect-private");
        spec(OptionClass.ROUTE, 0, 0, "block-ipv6");
        spec(OptionClass.ROUTE, 4, 4, "client-nat");
        spec(OptionClass.ROUTE_EXTRAS, 1, 1, "route-gateway", "route-method");
        spec(OptionClass.ROUTE_EXTRAS, 0, 2, "route-delay");
        spec(OptionClass.DHCPDNS, 1, 2, "dhcp-option");
        spec(OptionClass.DHCPDNS, 1, ANY, "dns");
        // Windows-only options; OpenVPN for Windows takes them from a push, others don't know them.
        spec(OptionClass.DHCPDNS, 0, 0, "block-outside-dns", "register-dns", "dhcp-renew", "dhcp-pre-release");
        spec(OptionClass.DHCPDNS, 1, 3, "ip-win32");
        spec(OptionClass.DHCPDNS, 1, 1, "tap-sleep");
        // Parsed by OpenVPN 2.6 without any permission check.
        spec(OptionClass.UNCHECKED, 1, 1, "route-ipv6-gateway");
        spec(OptionClass.UNCHECKED, 0, 0, "tun-ipv6", "dhcp-release");
        spec(OptionClass.UNCHECKED, 0, 1, "max-routes");
        spec(OptionClass.UNCHECKED, 1, 2, "compat-mode");
        spec(OptionClass.UNCHECKED, 0, ANY, "disable-dco");
    }

    private static void spec(OptionClass c, int min, int max, String... names) {
        for (String n : names) {
            SPECS.put(n, new OptionSpec(min, max, c));
        }
    }

    /** The spec of an option a client may take from a push; empty for every other option. */
    static Optional<OptionSpec> of(String name) {
        return Optional.ofNullable(SPECS.get(name));
    }

    boolean arityMatches(int arguments) {
        return arguments >= min && arguments <= max;
    }
}
