package io.sluice.core.data;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class MutableClock implements InstantSource {

    private long millis;

    MutableClock(long seconds) {
        this.millis = seconds * 1000;
    }

    void advanceSeconds(long seconds) {
        millis += seconds * 1000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }
}
