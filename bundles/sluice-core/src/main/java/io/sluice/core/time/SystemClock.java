package io.sluice.core.time;

/**
 * The JVM's monotonic clock. The only place in the engine that reads system time, so
 * everything else can be given a {@link FakeClock} instead.
 */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
