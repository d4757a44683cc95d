package io.sluice.config;

/** The control-channel role. */
public enum TlsRole {
    /** {@code tls-server}, explicitly or through a server helper. */
    SERVER,
    /** {@code tls-client}, explicitly or through {@code client}. */
    CLIENT,
    /** No TLS: a static {@code secret} key, or no crypto at all. */
    NONE
}
