/**
 * Data-channel ciphers and HMACs through the JDK's own JCE providers. Not exported: other
 * bundles find the {@link io.sluice.api.crypto.CipherProvider} and
 * {@link io.sluice.api.crypto.DigestProvider} services, never these classes.
 *
 * <ul>
 *   <li>{@link io.sluice.crypto.jce.JceCipherProvider} and
 *       {@link io.sluice.crypto.jce.JceDigestProvider} are the DS components. At activation they
 *       try every cipher and digest they know ({@link io.sluice.crypto.jce.JdkSupport}) and
 *       register their service listing only those the running JDK actually provides.</li>
 *   <li>{@link io.sluice.crypto.jce.JceCipher} and {@link io.sluice.crypto.jce.JceDigest} are
 *       the tables: OpenVPN name, lengths, JCE algorithm.</li>
 *   <li>{@link io.sluice.crypto.jce.AeadContext} (AES-GCM, ChaCha20-Poly1305),
 *       {@link io.sluice.crypto.jce.CbcContext} (AES-CBC with PKCS#7 padding) and
 *       {@link io.sluice.crypto.jce.MacContext} (HMAC) are the per-key, per-direction
 *       contexts of the data path.</li>
 * </ul>
 *
 * <h2>Per-packet cost</h2>
 *
 * <p>Each context keeps one {@link javax.crypto.Cipher} or {@link javax.crypto.Mac} for its
 * whole life and re-initialises the cipher with each packet's IV. The contexts call only JCE's
 * {@code byte[]} methods: on JDK 17 SunJCE's {@code ByteBuffer} methods copy a direct buffer
 * into a new array on every call, while its array methods allocate nothing that grows with the
 * packet. A heap buffer is therefore used in place, and a direct (or read-only) buffer is copied
 * once into a scratch array the context keeps ({@link io.sluice.crypto.jce.ArrayWindow}).
 *
 * <p>What JCE itself still allocates per packet, measured on OpenJDK 17.0.15 (SunJCE) with
 * thread allocation counters, the same for heap and direct buffers and for 100- to 9000-byte
 * packets: the parameter object and its copy of the IV
 * ({@link javax.crypto.spec.GCMParameterSpec} / {@link javax.crypto.spec.IvParameterSpec}),
 * a copy of the key ({@code Key.getEncoded()}), and the mode's working state, which SunJCE
 * rebuilds on each {@code init}. That comes to about 1.1 to 1.2 KB per packet for AES-GCM,
 * 1.3 KB (encrypt) and 2.5 KB (decrypt) for ChaCha20-Poly1305, 0.1 to 0.2 KB for AES-CBC, and
 * one digest-sized array per HMAC ({@code Mac.doFinal}'s result). None of it can be avoided
 * through the JCE API; the contexts add nothing per packet once their scratch arrays have
 * grown to the largest packet seen.
 */
package io.sluice.crypto.jce;
