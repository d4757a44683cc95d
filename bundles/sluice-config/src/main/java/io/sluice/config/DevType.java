package io.sluice.config;

/**
 * The virtual device kind: {@code dev-type} if given, otherwise the prefix of the {@code dev} name,
 * as OpenVPN decides it.
 */
public enum DevType {
    TUN, TAP, NULL,
    /** Neither {@code dev-type} nor the device name says tun, tap or null. */
    UNDEFINED
}
