/**
 * The legacy data-channel ciphers that OpenVPN peers still negotiate but the JDK does not
 * provide, through Bouncy Castle's lightweight API: {@code BF-CBC} (OpenVPN's long-standing
 * default {@code cipher}, and what MikroTik RouterOS calls {@code blowfish128}),
 * {@code DES-EDE3-CBC} and {@code CAST5-CBC}, all 64-bit block ciphers with an 8-byte IV and
 * PKCS#7 padding. Not exported: other bundles find the
 * {@link io.sluice.api.crypto.CipherProvider} service, never these classes.
 *
 * <ul>
 *   <li>{@link io.sluice.crypto.bc.BcCipherProvider} is the DS component, registered with the
 *       names it offers and a service ranking below the JCE provider's.</li>
 *   <li>{@link io.sluice.crypto.bc.BcCipher} is the table: OpenVPN name, lengths, Bouncy Castle
 *       engine.</li>
 *   <li>{@link io.sluice.crypto.bc.BcCbcContext} is the per-key, per-direction context of the
 *       data path: CBC with PKCS#7 padding done by the context itself.</li>
 * </ul>
 *
 * <p>Only the lightweight API is used ({@code BlowfishEngine}, {@code DESedeEngine},
 * {@code CAST5Engine}, {@code CBCBlockCipher}): no JCE provider is registered, and nothing here
 * is static but the table. Each context keeps its own keyed cipher for its whole life and
 * allocates nothing per packet itself.
 *
 * <h2>Per-packet cost</h2>
 *
 * <p>Measured on OpenJDK 17.0.15 with thread allocation counters and a 1400-byte packet
 * encrypted and decrypted: {@code BlowfishEngine} allocates nothing; {@code CAST5Engine}
 * allocates a two-int array per block (24 bytes) until the JIT compiles it and escape analysis
 * removes the array, then nothing; {@code DESedeEngine} allocates an 8-byte array in every
 * {@code processBlock} that compilation did not remove, 24 bytes a block, about 4.2 KB per
 * packet each way. Throughput on one core of the build machine: about 50 MB/s for Blowfish and
 * CAST5, 15 MB/s for triple DES, each way.
 *
 * <p>These ciphers have a 64-bit block: after about 2<sup>32</sup> blocks (32 GB) under one key,
 * CBC collisions leak plaintext (SWEET32; CVE-2016-6329 for OpenVPN). For ciphers with blocks
 * under 128 bits OpenVPN renegotiates every 64 MB unless {@code reneg-bytes} says otherwise;
 * keeping that limit is the engine's job, not this bundle's.
 */
package io.sluice.crypto.bc;
