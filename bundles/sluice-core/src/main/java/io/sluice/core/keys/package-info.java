/**
 * Data-channel key material: how OpenVPN turns a finished TLS handshake (or a static key file)
 * into the cipher keys, HMAC keys and implicit IVs of one data-channel key.
 *
 * <p>Two derivations produce the same 256-byte {@link io.sluice.core.keys.Key2} block: the
 * TLS 1.0 PRF over the key-method-2 randoms ({@link io.sluice.core.keys.PrfKeyExpansion}) and,
 * with {@code key-derivation tls-ekm}, the TLS keying-material exporter
 * ({@link io.sluice.core.keys.ExportedKeyExpansion} over a
 * {@link io.sluice.core.keys.KeyingMaterialExporter} the TLS layer implements).
 * {@link io.sluice.core.keys.KeyDirection} decides which half of the block each peer sends and
 * receives with, and {@link io.sluice.core.keys.DataChannelKeys} cuts the halves to the
 * negotiated cipher and digest.
 *
 * <p>Key files: {@link io.sluice.core.keys.StaticKeyFile} (OpenVPN static key V1, for
 * {@code secret}, {@code tls-auth}, {@code tls-crypt}) and the PEM blocks
 * ({@link io.sluice.core.keys.PemKeyBlock}) of {@code tls-crypt-v2}'s
 * {@link io.sluice.core.keys.TlsCryptV2ServerKey} and {@link io.sluice.core.keys.TlsCryptV2ClientKey}.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.keys;
