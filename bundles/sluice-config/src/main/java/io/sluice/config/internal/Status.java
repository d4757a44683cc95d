package io.sluice.config.internal;

/** How OpenVPN 2.6 itself treats an option it knows (and which ones only OpenVPN 2.7 knows). */
public enum Status {
    /** A current option. */
    CURRENT,
    /** Accepted, with a deprecation warning. */
    DEPRECATED,
    /** Accepted and ignored, with a note (e.g. {@code tun-ipv6}). */
    IGNORED,
    /** Removed: OpenVPN 2.6 refuses it, and Sluice says what to use instead. */
    REMOVED,
    /** Added by OpenVPN 2.7: 2.6 refuses it, Sluice reads it as 2.7 does. */
    OPENVPN_2_7
}
