package io.sluice.api.tun;

/** OpenVPN's {@code dev-type}. */
public enum DeviceType {
    /** Layer 3: IP packets ({@code dev tun}). */
    TUN,
    /** Layer 2: Ethernet frames ({@code dev tap}). */
    TAP
}
