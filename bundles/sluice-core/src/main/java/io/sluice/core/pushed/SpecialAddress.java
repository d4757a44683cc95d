package io.sluice.core.pushed;

import java.util.Optional;

/**
 * The words OpenVPN accepts in place of an IPv4 address in {@code route} and {@code route-gateway}
 * (route.c {@code get_special_addr}); each stands for an address known only once connected.
 */
public enum SpecialAddress {
    /** The tunnel's gateway: {@code route-gateway}, or the peer of a net30/p2p {@code ifconfig}. */
    VPN_GATEWAY("vpn_gateway"),
    /** The gateway the system used before the tunnel came up. */
    NET_GATEWAY("net_gateway"),
    /** The server's IPv4 address as connected. */
    REMOTE_HOST("remote_host");

    private final String word;

    SpecialAddress(String word) {
        this.word = word;
    }

    /** The word as written in an option. */
    public String word() {
        return word;
    }

    /** The special address a word names, compared exactly (OpenVPN uses strcmp). */
    public static Optional<SpecialAddress> fromWord(String word) {
        for (SpecialAddress s : values()) {
            if (s.word.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
