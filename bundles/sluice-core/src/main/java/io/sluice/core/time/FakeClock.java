package io.sluice.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * A clock that moves only when told to: tests set or advance it and so decide exactly
 * when every timer fires.
 *
 * <p>It refuses to move backwards, as a real monotonic clock never does, so a test cannot
 * accidentally exercise a situation that production never sees. Safe to read from any
 * thread; moved by one test thread at a time.
 */
public final class FakeClock implements Clock {

    /**
     * A start far from zero, so code that mistakes a reading for a duration, or that
     * compares readings with {@code <}, fails in tests rather than in production.
     */
    public static final long DEFAULT_START = 1_000_000_000_000_000L;

    private volatile long now;

    /** A clock reading {@link #DEFAULT_START}. */
    public FakeClock() {
        this(DEFAULT_START);
    }

    /** A clock reading {@code start} nanoseconds. */
    public FakeClock(long start) {
        this.now = start;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Moves the clock forward by {@code nanos} (zero is allowed) and returns the new reading. */
    public long advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a monotonic clock cannot go back " + nanos + " ns");
        }
        now += nanos;
        return now;
    }

    /** Moves the clock forward by {@code duration} and returns the new reading. */
    public long advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return advanceNanos(duration.toNanos());
    }

    /** Sets the reading; it must not be earlier than the current one. */
    public void set(long nanos) {
        if (nanos - now < 0) {
            throw new IllegalArgumentException("a monotonic clock cannot go back from " + now + " to " + nanos);
        }
        now = nanos;
    }
}
