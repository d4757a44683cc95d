package io.sluice.crypto.jce;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Raw key bytes that can be forgotten. {@link javax.crypto.spec.SecretKeySpec} keeps a copy
 * it never lets anyone erase; a context's {@code close()} must be able to erase the key.
 */
final class WipeableKey implements SecretKey {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    /** Copies {@code key}: the caller may erase its own array as soon as this returns. */
    WipeableKey(byte[] key, String algorithm) {
        this.bytes = key.clone();
        this.algorithm = algorithm;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    /** A fresh copy, as {@link java.security.Key#getEncoded()} requires: JCE may erase what it gets. */
    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return bytes.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
