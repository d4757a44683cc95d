package io.sluice.core.pushed;

import java.util.Optional;

/** The flags of {@code redirect-gateway} and {@code redirect-private} (options.c, route.h {@code RG_*}). */
public enum RedirectFlag {
    /** The server is on the local network: no host route to it through the old gateway. */
    LOCAL("local"),
    /** Decide {@link #LOCAL} by whether the server is on the default gateway's subnet. */
    AUTOLOCAL("autolocal"),
    /** Override the default route with 0.0.0.0/1 and 128.0.0.0/1 instead of replacing it. */
    DEF1("def1"),
    /** Keep the DHCP server reachable outside the tunnel (Windows only in OpenVPN 2.6). */
    BYPASS_DHCP("bypass-dhcp"),
    /** Keep the DNS servers reachable outside the tunnel (Windows only in OpenVPN 2.6). */
    BYPASS_DNS("bypass-dns"),
    /** Route the local subnet into the tunnel too, except the gateway itself. */
    BLOCK_LOCAL("block-local"),
    /** Redirect IPv6 too: ::/3, 2000::/4, 3000::/4 and fc00::/7 into the tunnel. */
    IPV6("ipv6"),
    /** Do not redirect IPv4 (clears what earlier flags enabled for IPv4). */
    NOT_IPV4("!ipv4");

    private final String word;

    RedirectFlag(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<RedirectFlag> fromWord(String word) {
        for (RedirectFlag f : values()) {
            if (f.word.equals(word)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
