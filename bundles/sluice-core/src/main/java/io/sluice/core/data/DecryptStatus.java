package io.sluice.core.data;

/**
 * What became of one received data packet: {@link #OK}, or why it was dropped. Every drop is
 * counted by the decryptor that saw it; none is an exception.
 */
public enum DecryptStatus {
    /** Authentic, fresh, decrypted. */
    OK,
    /** Shorter than header, packet id, tag or HMAC and IV need (crypto.c "missing tag", "missing IV info"). */
    TOO_SHORT,
    /** Nothing left to decrypt after the headers (crypto.c "missing payload"). */
    EMPTY_PAYLOAD,
    /** The opcode is neither {@code P_DATA_V1} nor {@code P_DATA_V2}. */
    NOT_DATA_PACKET,
    /** The key id is not the one this decryptor's key was negotiated under. */
    WRONG_KEY_ID,
    /** AEAD tag mismatch: forged, corrupted, or sent under another key. */
    BAD_TAG,
    /** CBC mode: the HMAC does not match (crypto.c "packet HMAC authentication failed"). */
    BAD_HMAC,
    /** Authentic but undecryptable: bad padding or a length not a multiple of the block size. */
    DECRYPT_FAILED,
    /** Packet id 0, which no sender ever uses (packet_id.c {@code packet_id_test}). */
    ZERO_PACKET_ID,
    /** This packet id was already accepted. */
    REPLAY,
    /** The packet id is further behind the newest than the replay window reaches. */
    TOO_OLD,
    /** Inside the window but older than {@code replay-window}'s time limit allows. */
    EXPIRED,
    /** Long packet-id form: the timestamp is older than the current sequence's. */
    TIME_BACKTRACK,
    /** Replay window 0 (strictly sequential): the id is not the next one. */
    NOT_SEQUENTIAL,
    /** The caller's output buffer has too little room for the plaintext. */
    OUTPUT_TOO_SMALL,
    /** The crypto provider failed for a reason other than the packet (its key was closed, for one). */
    PROVIDER_ERROR
}
