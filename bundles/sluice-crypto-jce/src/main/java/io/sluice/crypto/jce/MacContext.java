package io.sluice.crypto.jce;

import io.sluice.api.crypto.DigestSpec;
import io.sluice.api.crypto.HmacContext;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * An HMAC (RFC 2104) for one direction of one key, over one {@link Mac} keyed once and reused:
 * {@code doFinal} resets it for the next message without re-keying.
 *
 * <p>{@link #update(ByteBuffer)} takes direct buffers without allocating (SunJCE's digests copy
 * them through one array they keep); {@link #finish} allocates what {@code Mac.doFinal} does,
 * one digest-sized array for the result it then copies.
 */
final class MacContext implements HmacContext {

    private final DigestSpec spec;
    private final Mac mac;
    private final WipeableKey key;
    private boolean closed;

    MacContext(DigestSpec spec, Mac mac, WipeableKey key) {
        this.spec = spec;
        this.mac = mac;
        this.key = key;
    }

    @Override
    public DigestSpec spec() {
        return spec;
    }

    @Override
    public void update(ByteBuffer data) {
        checkOpen();
        mac.update(data);
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        checkOpen();
        Objects.checkFromIndexSize(offset, length, data.length);
        mac.update(data, offset, length);
    }

    @Override
    public void finish(byte[] out, int offset) {
        checkOpen();
        Objects.checkFromIndexSize(offset, spec.length(), out.length);
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            // Checked just above; reaching this means the provider's length disagrees with the spec.
            throw new IllegalStateException(spec.name() + ": " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("HMAC-" + spec.name() + " context is closed");
        }
    }

    /**
     * Erases the key. Re-keying the {@link Mac} with zeros also overwrites its derived inner and
     * outer pads, which SunJCE keeps in arrays it refills on each {@code init}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.destroy();
        try {
            mac.init(new WipeableKey(new byte[spec.length()], mac.getAlgorithm()));
        } catch (InvalidKeyException e) {
            // Best effort only: the key bytes are erased, the Mac goes with this context.
        }
    }
}
