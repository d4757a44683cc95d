package io.sluice.core.data;

/** What became of one payload given to an encryptor. */
public enum EncryptStatus {
    /** The packet was written. */
    OK,
    /** Nothing to send: OpenVPN never encrypts an empty payload. */
    EMPTY_PAYLOAD,
    /** The key has sent 2^32 - 1 packets and may send no more; it must be renegotiated (it should have been long before). */
    PACKET_IDS_EXHAUSTED,
    /** The caller's output buffer has too little room for the packet. */
    OUTPUT_TOO_SMALL,
    /** The crypto provider failed; the packet was not written. */
    PROVIDER_ERROR
}
