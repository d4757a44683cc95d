package io.sluice.core.client;

import io.sluice.core.input.ReasonCounters;

/** What a client dropped from the network and why; one set per instance, across its connections. */
public final class ClientDrops extends ReasonCounters<ClientDrops.Reason> {

    /** Why a packet was dropped. */
    public enum Reason {
        /** Too short, or an opcode that does not exist. */
        MALFORMED,
        /** From an address other than the server's, without {@code float}. */
        WRONG_SENDER,
        /** A data packet that did not decrypt, was replayed, or used a key we do not have. */
        BAD_DATA,
        /** An authentic data packet whose compression framing says compressed (Sluice does not decompress) or is bad. */
        BAD_COMPRESSION_FRAMING,
        /** A control packet that did not decode. */
        BAD_CONTROL,
        /** The TUN device refused a packet. */
        TUN_WRITE_FAILED
    }

    public ClientDrops() {
        super(Reason.class);
    }
}
