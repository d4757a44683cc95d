package io.sluice.config;

/** What a configuration makes OpenVPN be. */
public enum Mode {
    /** {@code mode server}, explicitly or through {@code server}, {@code server-ipv6} or {@code server-bridge}. */
    SERVER,
    /** Point-to-point mode pulling its settings from a server ({@code client} or {@code pull}). */
    CLIENT,
    /** Plain point-to-point mode (OpenVPN's default). */
    P2P
}
