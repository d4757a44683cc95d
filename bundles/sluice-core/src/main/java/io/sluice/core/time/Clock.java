package io.sluice.core.time;

/**
 * A monotonic clock in nanoseconds.
 *
 * <p>Only differences between two readings of the same clock mean anything: the origin is
 * arbitrary (it may be negative) and unrelated to wall-clock time. Readings never decrease.
 * Code compares readings with {@code a - b < 0}, never {@code a < b}, so that it stays
 * right should a reading ever wrap past {@link Long#MAX_VALUE}.
 */
@FunctionalInterface
public interface Clock {

    /** The current reading, in nanoseconds. */
    long nanos();

    /** The clock of the running JVM. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
