/**
 * The data channel: OpenVPN's per-packet protection of tunnelled traffic under one
 * data-channel key.
 *
 * <p>For each key and direction the session layer makes one {@link io.sluice.core.data.DataEncryptor}
 * or {@link io.sluice.core.data.DataDecryptor} ({@link io.sluice.core.data.DataChannelCrypto}):
 * AEAD ({@code P_DATA_V1}/{@code P_DATA_V2} with a 16-byte tag) or CBC with an HMAC, plus
 * OpenVPN's packet ids ({@link io.sluice.core.data.PacketIdSender}) and replay window
 * ({@link io.sluice.core.data.ReplayWindow}). They work on caller-owned, reused buffers,
 * allocate nothing per packet, take no locks, and report every rejected packet as a counted
 * {@link io.sluice.core.data.DecryptStatus} instead of throwing. The keepalive ping payload is
 * {@link io.sluice.core.data.KeepalivePing}.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.data;
