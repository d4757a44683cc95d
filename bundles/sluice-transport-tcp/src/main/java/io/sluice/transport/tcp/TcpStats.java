package io.sluice.transport.tcp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one TCP transport instance. {@link LongAdder}s, because connections on
 * different I/O threads update them: they never contend on one memory location.
 */
final class TcpStats {

    private final LongAdder[] closes = new LongAdder[CloseReason.values().length];
    private final LongAdder accepted = new LongAdder();
    private final LongAdder connected = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder connectTimeouts = new LongAdder();
    private final LongAdder acceptFailures = new LongAdder();
    private final LongAdder droppedPackets = new LongAdder();
    private final LongAdder receiverFailures = new LongAdder();

    TcpStats() {
        for (int i = 0; i < closes.length; i++) {
            closes[i] = new LongAdder();
        }
    }

    void closed(CloseReason reason) {
        closes[reason.ordinal()].increment();
    }

    /** Connections that ended for {@code reason}. */
    long closes(CloseReason reason) {
        return closes[reason.ordinal()].sum();
    }

    void accepted() {
        accepted.increment();
    }

    long acceptedCount() {
        return accepted.sum();
    }

    void connected() {
        connected.increment();
    }

    long connectedCount() {
        return connected.sum();
    }

    void connectFailed() {
        connectFailures.increment();
    }

    long connectFailures() {
        return connectFailures.sum();
    }

    void connectTimedOut() {
        connectTimeouts.increment();
    }

    long connectTimeouts() {
        return connectTimeouts.sum();
    }

    void acceptFailed() {
        acceptFailures.increment();
    }

    long acceptFailures() {
        return acceptFailures.sum();
    }

    /** An outgoing packet dropped because its connection's write queue was full. */
    void droppedPacket() {
        droppedPackets.increment();
    }

    long droppedPackets() {
        return droppedPackets.sum();
    }

    void receiverFailed() {
        receiverFailures.increment();
    }

    long receiverFailures() {
        return receiverFailures.sum();
    }
}
