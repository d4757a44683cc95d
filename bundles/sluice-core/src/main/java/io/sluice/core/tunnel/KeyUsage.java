package io.sluice.core.tunnel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How much one data-channel key has carried, checked against {@link UsageLimits}.
 *
 * <p>Each direction has one writer at a time (sealing under the peer's seal lock, opening under
 * the key's decryptor), and the control thread reads now and then: opaque accesses give it
 * values that are at most a few packets old without a fence on the data path.
 */
final class KeyUsage {

    private final AtomicLong sealedBytes = new AtomicLong();
    private final AtomicLong sealedPackets = new AtomicLong();
    private final AtomicLong sealedBlocks = new AtomicLong();
    private final AtomicLong openedBytes = new AtomicLong();
    private final AtomicLong openedPackets = new AtomicLong();
    private final AtomicLong openedBlocks = new AtomicLong();

    /** A packet sealed: its size on the wire and its plaintext. */
    void sealed(int wireBytes, int plainBytes) {
        add(sealedBytes, wireBytes);
        add(sealedPackets, 1);
        add(sealedBlocks, blocks(plainBytes));
    }

    /** A packet opened: its size on the wire and its plaintext. */
    void opened(int wireBytes, int plainBytes) {
        add(openedBytes, wireBytes);
        add(openedPackets, 1);
        add(openedBlocks, blocks(plainBytes));
    }

    /** Bytes in both directions. */
    long bytes() {
        return sealedBytes.getOpaque() + openedBytes.getOpaque();
    }

    /** Packets in both directions. */
    long packets() {
        return sealedPackets.getOpaque() + openedPackets.getOpaque();
    }

    /** Which limit, if any, this key has passed; {@code failedPackets} counts packets that failed authentication. */
    boolean exceeds(UsageLimits limits, long failedPackets) {
        if (limits.bytes() > 0 && bytes() >= limits.bytes()) {
            return true;
        }
        if (limits.packets() > 0 && packets() >= limits.packets()) {
            return true;
        }
        if (limits.aeadBlocks() > 0
                && (sealedBlocks.getOpaque() + sealedPackets.getOpaque() > limits.aeadBlocks()
                    || openedBlocks.getOpaque() + openedPackets.getOpaque() > limits.aeadBlocks())) {
            return true;
        }
        return failedPackets > UsageLimits.FAILED_VERIFICATIONS;
    }

    private static long blocks(int plainBytes) {
        return (plainBytes + UsageLimits.AEAD_BLOCK - 1) / UsageLimits.AEAD_BLOCK;
    }

    private static void add(AtomicLong counter, long n) {
        counter.setOpaque(counter.getPlain() + n);
    }
}
