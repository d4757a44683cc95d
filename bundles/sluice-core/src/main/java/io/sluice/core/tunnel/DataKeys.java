package io.sluice.core.tunnel;

import io.sluice.core.data.CompressionFraming;
import io.sluice.core.data.DataDecryptor;
import io.sluice.core.data.DataEncryptor;
import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.EncryptStatus;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One peer's data-channel keys: a decryptor per key id (the active key and, during the
 * transition window, the one before it) and the encryptor of the newest key.
 *
 * <p>Threads: keys are installed and retired on the session's control thread; packets are
 * opened on the I/O thread that reads the peer's transport and sealed on whichever thread has
 * a packet for the peer (TUN reader, keepalive timer, another client's I/O thread). Each
 * decryptor and the encryptor are guarded by their own monitor, held only by this peer's
 * threads: uncontended in the common case and never shared with another session.
 *
 * <p>Around the keys sit what the peers agreed on for the payload: the compression framing
 * ({@link CompressionFraming}, added when sealing and taken off when opening) and the usage
 * limits after which a key should be renegotiated ({@link UsageLimits}).
 */
public final class DataKeys implements AutoCloseable {

    /** What {@link #decrypt} made of a packet. */
    public enum Opened {
        /** Authentic and new: the plaintext is in the output buffer. */
        OK,
        /** No key with the packet's key id (never made, or retired). */
        NO_KEY,
        /** Dropped by the key: see the decryptor's per-reason counters. */
        DROPPED,
        /** Authentic, but its compression framing says compressed (Sluice does not decompress), or is bad or empty. */
        BAD_FRAMING
    }

    /** What the sealing key has carried so far, both directions. */
    public record Usage(long bytes, long packets) {
    }

    private static final int KEY_IDS = 8;

    private final AtomicReferenceArray<DataDecryptor> decryptors = new AtomicReferenceArray<>(KEY_IDS);
    private final AtomicReferenceArray<KeyUsage> usages = new AtomicReferenceArray<>(KEY_IDS);
    private volatile UsageLimits limits = UsageLimits.NONE;
    private volatile CompressionFraming compression = CompressionFraming.NONE;
    /** Where a payload is framed when the framing adds bytes; under sealLock, made on first need. */
    private ByteBuffer framed;
    private final Object sealLock = new Object();
    private DataEncryptor encryptor;
    private int encryptorKeyId = -1;
    private volatile boolean renegotiationWanted;
    /** A new key whose sending waits for the peer (see {@link #installWhenPeerSends}); -1 when none. */
    private volatile int pendingKeyId = -1;
    private DataEncryptor pendingEncryptor;
    private long pendingSince;

    /**
     * Installs a new key: its decryptor at once, and its encryptor as the one new packets use
     * (OpenVPN sends with a key as soon as it is active). The encryptor it replaces is closed.
     */
    public void install(int keyId, DataEncryptor newEncryptor, DataDecryptor newDecryptor) {
        usages.set(keyId, new KeyUsage());
        DataDecryptor old = decryptors.getAndSet(keyId, newDecryptor);
        if (old != null) {
            synchronized (old) {
                old.close();
            }
        }
        synchronized (sealLock) {
            if (encryptor != null) {
                encryptor.close();
            }
            if (pendingEncryptor != null) {
                pendingEncryptor.close();
                pendingEncryptor = null;
                pendingKeyId = -1;
            }
            encryptor = newEncryptor;
            encryptorKeyId = keyId;
            renegotiationWanted = false;
        }
    }

    /**
     * Installs a renegotiated key on a client: its decryptor at once, but it seals with it only
     * once the first packet under the new key arrives from the server (or {@link #sendPending}
     * says it is time), and until then with the key before. An OpenVPN 2.6 server makes a new
     * key's data-channel keys only when our acknowledgement of its key method 2 has reached
     * it, and drops what arrives under the new key before ("Key ... not initialized (yet),
     * dropping packet"); its own first packet under the new key proves it is ready. Without a
     * current key this is {@link #install}.
     */
    public void installWhenPeerSends(int keyId, DataEncryptor newEncryptor, DataDecryptor newDecryptor, long now) {
        synchronized (sealLock) {
            if (encryptor == null) {
                install(keyId, newEncryptor, newDecryptor);
                return;
            }
            if (pendingEncryptor != null) {
                pendingEncryptor.close();
            }
            pendingEncryptor = newEncryptor;
            pendingSince = now;
            pendingKeyId = keyId;
        }
        usages.set(keyId, new KeyUsage());
        DataDecryptor old = decryptors.getAndSet(keyId, newDecryptor);
        if (old != null) {
            synchronized (old) {
                old.close();
            }
        }
    }

    /** Seals with the pending key from now on if it has waited {@code maxWait} nanoseconds already. */
    public void sendPending(long now, long maxWait) {
        if (pendingKeyId >= 0) {
            synchronized (sealLock) {
                if (pendingEncryptor != null && now - pendingSince >= maxWait) {
                    promote();
                }
            }
        }
    }

    /** Under sealLock: the pending key becomes the one new packets are sealed with. */
    private void promote() {
        if (encryptor != null) {
            encryptor.close();
        }
        encryptor = pendingEncryptor;
        encryptorKeyId = pendingKeyId;
        pendingEncryptor = null;
        pendingKeyId = -1;
        renegotiationWanted = false;
    }

    /** Drops a retired key's decryptor (and its encryptor, should it still be the current one). */
    public void retire(int keyId) {
        DataDecryptor old = decryptors.getAndSet(keyId, null);
        if (old != null) {
            synchronized (old) {
                old.close();
            }
        }
        synchronized (sealLock) {
            if (encryptorKeyId == keyId && encryptor != null) {
                encryptor.close();
                encryptor = null;
                encryptorKeyId = -1;
            }
            if (pendingKeyId == keyId && pendingEncryptor != null) {
                pendingEncryptor.close();
                pendingEncryptor = null;
                pendingKeyId = -1;
            }
        }
    }

    /** Whether any key can seal packets now. */
    public boolean canSeal() {
        synchronized (sealLock) {
            return encryptor != null;
        }
    }

    /**
     * Opens a data packet (position to limit) into {@code out}: on {@link Opened#OK} the tunnel
     * packet lies between {@code out}'s position and limit, written from where the position was
     * and without its compression framing (so the position may have moved past a header byte).
     *
     * @param keyId the key id from the packet's first byte
     */
    public Opened decrypt(int keyId, ByteBuffer packet, ByteBuffer out) {
        int slot = keyId & (KEY_IDS - 1);
        DataDecryptor decryptor = decryptors.get(slot);
        if (decryptor == null) {
            return Opened.NO_KEY;
        }
        int wire = packet.remaining();
        int start = out.position();
        boolean ok;
        synchronized (decryptor) {
            ok = decryptor.decrypt(packet, out) == DecryptStatus.OK;
            if (ok) {
                KeyUsage usage = usages.get(slot);
                if (usage != null) {
                    usage.opened(wire, out.position() - start);
                }
            }
        }
        if (!ok) {
            return Opened.DROPPED;
        }
        if (pendingKeyId == slot) {
            synchronized (sealLock) {
                if (pendingEncryptor != null && pendingKeyId == slot) {
                    promote(); // the peer sends under the new key: it has it
                }
            }
        }
        out.limit(out.position()).position(start);
        return compression.unframe(out) == CompressionFraming.Unframed.OK ? Opened.OK : Opened.BAD_FRAMING;
    }

    /**
     * Seals a payload into a wire packet in {@code out}, framed as {@link #compression} says;
     * the payload itself is left as it is.
     *
     * @return {@link EncryptStatus#OK}, or why not; {@code null} when no key is installed
     */
    public EncryptStatus encrypt(ByteBuffer payload, ByteBuffer out) {
        synchronized (sealLock) {
            if (encryptor == null) {
                return null;
            }
            CompressionFraming c = compression;
            ByteBuffer plain = c.copies() ? c.frame(payload, framedBuffer()) : payload;
            int plainLength = plain.remaining();
            int start = out.position();
            EncryptStatus status = encryptor.encrypt(plain, out);
            if (status == EncryptStatus.OK) {
                KeyUsage usage = usages.get(encryptorKeyId);
                if (usage != null) {
                    usage.sealed(out.position() - start, plainLength);
                }
            }
            if (status == EncryptStatus.PACKET_IDS_EXHAUSTED || encryptor.packetIds().shouldRenegotiate()) {
                renegotiationWanted = true;
            }
            return status;
        }
    }

    private ByteBuffer framedBuffer() {
        if (framed == null) {
            framed = ByteBuffer.allocate(TunReader.BUFFER_SIZE + CompressionFraming.MAX_OVERHEAD);
        }
        return framed;
    }

    /** The compression framing payloads get from now on (both directions). */
    public void compression(CompressionFraming framing) {
        this.compression = java.util.Objects.requireNonNull(framing, "framing");
    }

    /** The limits after which {@link #renegotiationWanted()} asks for a new key. */
    public void limits(UsageLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** What the key packets are sealed with has carried; zeros without one. */
    public Usage usage() {
        synchronized (sealLock) {
            KeyUsage u = encryptorKeyId < 0 ? null : usages.get(encryptorKeyId);
            return u == null ? new Usage(0, 0) : new Usage(u.bytes(), u.packets());
        }
    }

    /**
     * True once the current key should be replaced: close to running out of packet ids, past a
     * {@link UsageLimits usage limit}, or too many packets under it failed authentication.
     */
    public boolean renegotiationWanted() {
        if (renegotiationWanted) {
            return true;
        }
        synchronized (sealLock) {
            if (encryptorKeyId < 0 || pendingEncryptor != null) {
                return false; // none yet, or a new key only waits for the peer's first packet
            }
            KeyUsage u = usages.get(encryptorKeyId);
            DataDecryptor d = decryptors.get(encryptorKeyId);
            long failed = d == null ? 0 : d.count(DecryptStatus.BAD_TAG) + d.count(DecryptStatus.BAD_HMAC);
            return u != null && u.exceeds(limits, failed);
        }
    }

    /** The id of the key packets are sealed with, or -1. */
    public int sealingKeyId() {
        synchronized (sealLock) {
            return encryptorKeyId;
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < KEY_IDS; i++) {
            retire(i);
        }
    }
}
