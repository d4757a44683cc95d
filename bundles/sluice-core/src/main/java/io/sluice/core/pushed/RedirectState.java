package io.sluice.core.pushed;

import java.util.ArrayList;
import java.util.List;

/**
 * What several {@code redirect-gateway}/{@code redirect-private} lines add up to, folded in order
 * as options.c does into {@code routes->flags} and {@code routes_ipv6->flags}: every line enables
 * IPv4 handling ({@code RG_ENABLE}), {@code redirect-gateway} also asks for the default route
 * ({@code RG_REROUTE_GW}), flags accumulate, and {@code !ipv4} clears both of the first two again,
 * so a later line can re-enable them. The IPv6 flag is kept apart and never cleared.
 *
 * @param ipv4     whether IPv4 redirection is enabled at all ({@code RG_ENABLE})
 * @param ipv4Default whether the IPv4 default route is replaced ({@code RG_REROUTE_GW})
 * @param ipv6Default whether the IPv6 "default" routes are added
 * @param warnings what OpenVPN logs while folding
 */
public record RedirectState(boolean ipv4, boolean ipv4Default, boolean local, boolean autolocal, boolean def1,
                            boolean bypassDhcp, boolean bypassDns, boolean blockLocal, boolean ipv6Default,
                            List<String> warnings) {

    /** options.c's warning when a second line finds IPv4 redirection already enabled. */
    public static final String COMBINED_WARNING = "WARNING: You have specified redirect-gateway and redirect-private "
            + "at the same time (or the same option multiple times). This is not well supported and may lead to "
            + "unexpected results";

    /** Nothing redirected. */
    public static final RedirectState NONE = new RedirectState(false, false, false, false, false, false, false,
            false, false, List.of());

    public RedirectState {
        warnings = List.copyOf(warnings);
    }

    /** The lines in the order OpenVPN reads them (configuration first, then the push). */
    public static RedirectState fold(List<RedirectGateway> lines) {
        boolean enable = false;
        boolean reroute = false;
        boolean local = false;
        boolean autolocal = false;
        boolean def1 = false;
        boolean dhcp = false;
        boolean dns = false;
        boolean block = false;
        boolean v6 = false;
        List<String> warnings = new ArrayList<>();
        for (RedirectGateway line : lines) {
            if (enable) {
                warnings.add(COMBINED_WARNING);
            }
            enable = true;
            if (!line.privateOnly()) {
                reroute = true;
            }
            local |= line.has(RedirectFlag.LOCAL);
            autolocal |= line.has(RedirectFlag.AUTOLOCAL);
            def1 |= line.has(RedirectFlag.DEF1);
            dhcp |= line.has(RedirectFlag.BYPASS_DHCP);
            dns |= line.has(RedirectFlag.BYPASS_DNS);
            block |= line.has(RedirectFlag.BLOCK_LOCAL);
            v6 |= line.has(RedirectFlag.IPV6);
            if (line.has(RedirectFlag.NOT_IPV4)) {
                enable = false;
                reroute = false;
            }
        }
        return new RedirectState(enable, reroute, local, autolocal, def1, dhcp, dns, block, v6, warnings);
    }
}
