package io.sluice.core.client;

/** What a client does after AUTH_FAILED ({@code auth-retry}). */
public enum AuthRetry {
    /** Stop (OpenVPN's default). */
    NONE,
    /** Reconnect with the same credentials (a username/password a server rejected once may work later). */
    NOINTERACT,
    /** Reconnect and ask for the credentials again (on a terminal). */
    INTERACT
}
