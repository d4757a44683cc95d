package io.sluice.core.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeClockTest {

    @Test
    void movesOnlyWhenToldTo() {
        FakeClock clock = new FakeClock(100);
        assertEquals(100, clock.nanos());
        assertEquals(100, clock.nanos());
        assertEquals(2_000_000_100L, clock.advance(Duration.ofSeconds(2)));
        clock.set(3_000_000_000L);
        assertEquals(3_000_000_000L, clock.nanos());
    }

    @Test
    void refusesToGoBackLikeAMonotonicClock() {
        FakeClock clock = new FakeClock(100);
        assertThrows(IllegalArgumentException.class, () -> clock.advanceNanos(-1));
        assertThrows(IllegalArgumentException.class, () -> clock.set(99));
        assertEquals(100, clock.nanos());
    }

    @Test
    void theSystemClockIsMonotonic() {
        Clock clock = Clock.system();
        long a = clock.nanos();
        long b = clock.nanos();
        assertTrue(b - a >= 0);
    }
}
