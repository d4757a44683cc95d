package io.sluice.core.p2p;

import io.sluice.core.data.DataDecryptor;
import io.sluice.core.data.DataEncryptor;
import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.EncryptStatus;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One run of a static-key data channel: OpenVPN's static-key packets (no opcode, long packet
 * ids) sealed and opened under the tunnel's keys. Sealing happens on the TUN reader and on the
 * timer thread (pings, OCC replies), opening on the transport's thread: each side is serialised
 * on its own lock.
 */
public final class StaticKeyChannel implements AutoCloseable {

    private final DataEncryptor encryptor;
    private final DataDecryptor decryptor;
    private final Object sealLock = new Object();
    private final Object openLock = new Object();

    StaticKeyChannel(DataEncryptor encryptor, DataDecryptor decryptor) {
        this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
    }

    /** Seals a payload into {@code out} (from its position); see {@link DataEncryptor#encrypt}. */
    public EncryptStatus seal(ByteBuffer payload, ByteBuffer out) {
        synchronized (sealLock) {
            return encryptor.encrypt(payload, out);
        }
    }

    /** Opens a packet into {@code out} (from its position); see {@link DataDecryptor#decrypt}. */
    public DecryptStatus open(ByteBuffer packet, ByteBuffer out) {
        synchronized (openLock) {
            return decryptor.decrypt(packet, out);
        }
    }

    /** The wire length of a packet carrying {@code payloadLength} bytes. */
    public int packetLength(int payloadLength) {
        return encryptor.packetLength(payloadLength);
    }

    /** How many received packets ended with {@code status}. */
    public long count(DecryptStatus status) {
        return decryptor.count(status);
    }

    @Override
    public void close() {
        synchronized (sealLock) {
            encryptor.close();
        }
        synchronized (openLock) {
            decryptor.close();
        }
    }
}
