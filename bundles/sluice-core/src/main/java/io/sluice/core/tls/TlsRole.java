package io.sluice.core.tls;

import io.sluice.api.cert.PeerRole;

/** Which end of the handshake an endpoint plays. */
public enum TlsRole {
    SERVER,
    CLIENT;

    /** The role of the peer, whose certificate this end verifies. */
    public PeerRole peerRole() {
        return this == SERVER ? PeerRole.CLIENT : PeerRole.SERVER;
    }
}
