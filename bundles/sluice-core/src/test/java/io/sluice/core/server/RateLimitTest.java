package io.sluice.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** connect-freq and connect-freq-initial's counting: fixed periods, one report per period, places given back. */
class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLimitHoldsForAPeriodAndTheFirstRefusalIsReportedOnce() {
        RateLimit limit = new RateLimit(3, 10 * SECOND);
        long t = 123 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(RateLimit.Verdict.ALLOWED, limit.tryAcquire(t + i));
        }
        assertEquals(RateLimit.Verdict.FIRST_REFUSAL, limit.tryAcquire(t + 5 * SECOND));
        assertEquals(RateLimit.Verdict.REFUSED, limit.tryAcquire(t + 6 * SECOND));
        assertEquals(4 * SECOND, limit.remainingNanos(t + 6 * SECOND));
        assertEquals(0, limit.takeRefusedLastPeriod(), "the period is not over");

        assertEquals(RateLimit.Verdict.ALLOWED, limit.tryAcquire(t + 11 * SECOND), "a new period");
        assertEquals(2, limit.takeRefusedLastPeriod());
        assertEquals(0, limit.takeRefusedLastPeriod(), "reported once");
    }

    @Test
    void aReleasedPlaceCanBeTakenAgain() {
        RateLimit limit = new RateLimit(1, SECOND);
        assertEquals(RateLimit.Verdict.ALLOWED, limit.tryAcquire(0));
        limit.release();
        assertEquals(RateLimit.Verdict.ALLOWED, limit.tryAcquire(1));
        assertEquals(RateLimit.Verdict.FIRST_REFUSAL, limit.tryAcquire(2));
    }
}
