package io.sluice.core.session;

/** Which end of the control channel this session is: the TLS server or the TLS client. */
public enum SessionRole {
    /** Answers resets, is the TLS server, decides the data-channel cipher and pushes options. */
    SERVER,
    /** Sends the first reset, is the TLS client, pulls options. */
    CLIENT;

    public boolean isServer() {
        return this == SERVER;
    }
}
