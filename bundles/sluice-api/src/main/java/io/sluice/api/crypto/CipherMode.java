package io.sluice.api.crypto;

/** How a data-channel cipher protects a packet; decides OpenVPN's packet layout. */
public enum CipherMode {
    /** Authenticated encryption (GCM, ChaCha20-Poly1305): no separate HMAC; a tag per packet. */
    AEAD,
    /** Cipher block chaining with PKCS#7 padding and a random IV; needs an HMAC ({@code auth}). */
    CBC,
    /** Cipher feedback: a stream mode with an IV, no padding; needs an HMAC. */
    CFB,
    /** Output feedback: a stream mode with an IV, no padding; needs an HMAC. */
    OFB,
    /** OpenVPN's {@code cipher none}: the payload is sent as is. */
    NONE
}
