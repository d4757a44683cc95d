package io.sluice.core.p2p;

import io.sluice.core.input.ReasonCounters;

/** What a static-key peer dropped, and why; one set per instance, across restarts. */
public final class P2pDrops extends ReasonCounters<P2pDrops.Reason> {

    /** Why a packet was dropped. */
    public enum Reason {
        /** From an address other than {@code remote}, without {@code float}. */
        WRONG_SENDER,
        /** The HMAC did not match: another key, or tampered with. */
        NOT_AUTHENTIC,
        /** Authentic but seen before, or too old for the replay window. */
        REPLAY,
        /** Authentic but not decryptable, or too short to be a packet. */
        UNDECRYPTABLE,
        /** The TUN device refused a packet. */
        TUN_WRITE_FAILED,
        /** An OCC message Sluice does not answer (the MTU test). */
        OCC_IGNORED,
        /** A packet for the peer before there was a peer or a link to send it on. */
        NO_PEER_YET,
        /** A packet for the peer that could not be sealed (empty, or the packet ids ran out). */
        NOT_SEALED
    }

    public P2pDrops() {
        super(Reason.class);
    }
}
