package io.sluice.api.event;

/**
 * The moments OpenVPN runs a script for; each maps to the script option of the same name.
 */
public enum TunnelEventType {
    /** The TUN/TAP device is open and configured ({@code up}). */
    UP("up"),
    /** The device is about to close ({@code down}). */
    DOWN("down"),
    /** The peer's transport address became known or changed ({@code ipchange}). */
    IPCHANGE("ipchange"),
    /** A client authenticated and is about to be admitted ({@code client-connect}); may veto. */
    CLIENT_CONNECT("client-connect"),
    /** A client session ended ({@code client-disconnect}). */
    CLIENT_DISCONNECT("client-disconnect"),
    /** An address was added, updated or deleted in the server's routing table ({@code learn-address}). */
    LEARN_ADDRESS("learn-address"),
    /** The routes are in, after {@code up} ({@code route-up}). */
    ROUTE_UP("route-up"),
    /** The routes are about to be removed, before {@code down} ({@code route-pre-down}). */
    ROUTE_PRE_DOWN("route-pre-down"),
    /**
     * A client sent a username and password ({@code auth-user-pass-verify}); may veto. As with
     * OpenVPN's plugins, the environment carries {@code username} and {@code password}.
     */
    USER_PASS_VERIFY("user-pass-verify"),
    /**
     * A server unwrapped a client's tls-crypt-v2 key ({@code tls-crypt-v2-verify}); may veto,
     * before the client gets any answer. As OpenVPN gives the script, the environment holds only
     * {@code script_type}, {@code metadata_type} (0 user, 1 timestamp) and, for the script,
     * {@code metadata_file}; listeners get the metadata itself as {@code metadata_base64}
     * instead of the file.
     */
    TLS_CRYPT_V2_VERIFY("tls-crypt-v2-verify");

    private final String scriptType;

    TunnelEventType(String scriptType) {
        this.scriptType = scriptType;
    }

    /** The value of the {@code script_type} environment variable OpenVPN sets for it. */
    public String scriptType() {
        return scriptType;
    }

    /** The configuration option that names this event's script. */
    public String option() {
        return this == USER_PASS_VERIFY ? "auth-user-pass-verify" : scriptType;
    }

    /** Whether a listener's answer can stop what is happening (client-connect, user-pass-verify, tls-crypt-v2-verify). */
    public boolean vetoable() {
        return this == CLIENT_CONNECT || this == USER_PASS_VERIFY || this == TLS_CRYPT_V2_VERIFY;
    }
}
