package io.sluice.core.tunnel;

/**
 * When a data-channel key has been used enough that the session should renegotiate (ssl.c
 * {@code should_trigger_renegotiation}): {@code reneg-bytes} and {@code reneg-pkts} count data
 * packets in both directions, as OpenVPN's key state does; the AEAD limit counts, per direction,
 * 16-byte blocks of plaintext plus packets, the bound OpenVPN 2.7 keeps AES-GCM under
 * (crypto.c {@code cipher_get_aead_limits}: 2^36 - 1, of which 7/8 so that the renegotiation
 * finishes in time, ssl.c {@code tls_get_limit_aead}).
 *
 * @param bytes      renegotiate after this many bytes; 0 or less: never
 * @param packets    renegotiate after this many packets; 0 or less: never
 * @param aeadBlocks renegotiate when one direction's blocks plus packets pass this; 0: never
 */
public record UsageLimits(long bytes, long packets, long aeadBlocks) {

    /** No limit but the packet-id space. */
    public static final UsageLimits NONE = new UsageLimits(0, 0, 0);

    /** The AEAD limit for AES-GCM: 7/8 of 2^36 - 1. */
    public static final long AES_GCM_BLOCKS = ((1L << 36) - 1) / 8 * 7;

    /** ssl.c {@code tls_limit_reneg_bytes}: an unset byte limit with a 64-bit block cipher (SWEET32). */
    public static final long SMALL_BLOCK_BYTES = 64L * 1024 * 1024;

    /** crypto.h {@code cipher_decrypt_verify_fail_warn}: this many failed packets ask for a new key. */
    public static final long FAILED_VERIFICATIONS = 1L << 35;

    /** Bytes of one block in the AEAD count (crypto.h {@code AEAD_LIMIT_BLOCKSIZE}). */
    public static final int AEAD_BLOCK = 16;
}
