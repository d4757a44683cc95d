package io.sluice.api.cert;

/** Which side of the TLS handshake a certificate belongs to. */
public enum PeerRole {
    /** A client's certificate, checked by a server. */
    CLIENT,
    /** A server's certificate, checked by a client. */
    SERVER
}
