package io.sluice.core.pushed;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * {@code ifconfig-ipv6 local/bits remote}. OpenVPN 2.6 accepts prefix lengths 64..124 only
 * (options.c); the remote is the default gateway of {@code route-ipv6} routes.
 */
public record IfconfigIpv6(Inet6Address local, int prefixLength, Inet6Address remote) {

    /** The shortest prefix OpenVPN 2.6 accepts in {@code ifconfig-ipv6}. */
    public static final int MIN_PREFIX = 64;
    /** The longest prefix OpenVPN 2.6 accepts in {@code ifconfig-ipv6}. */
    public static final int MAX_PREFIX = 124;

    public IfconfigIpv6 {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        if (prefixLength < MIN_PREFIX || prefixLength > MAX_PREFIX) {
            throw new IllegalArgumentException("ifconfig-ipv6 prefix length must be 64..124: " + prefixLength);
        }
    }
}
