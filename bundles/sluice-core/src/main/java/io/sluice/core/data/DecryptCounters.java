package io.sluice.core.data;

/** Per-decryptor tallies of outcomes; one thread writes, readers may see slightly stale values. */
final class DecryptCounters {

    private static final DecryptStatus[] STATUSES = DecryptStatus.values();
    private final long[] counts = new long[STATUSES.length];

    DecryptStatus record(DecryptStatus status) {
        counts[status.ordinal()]++;
        return status;
    }

    long count(DecryptStatus status) {
        return counts[status.ordinal()];
    }
}
