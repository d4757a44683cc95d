package io.sluice.bench.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeResultTest {

    @Test
    void nearestRankPercentilesInMillisecondsAndTheRateOverTheWholeRun() {
        List<Long> nanos = List.of(40_000_000L, 10_000_000L, 30_000_000L, 20_000_000L);
        HandshakeResult r = HandshakeResult.of(nanos, 1, 2_000_000_000L);
        assertEquals(new HandshakeResult(4, 1, 2.0, 2.0, 20.0, 40.0, 40.0, 40.0), r);
    }

    @Test
    void theLineCarriesEveryFigureToTheHarness() {
        HandshakeResult r = new HandshakeResult(38, 2, 3.5, 10.86, 120.5, 300.25, 410.0, 415.75);
        assertEquals(r, HandshakeResult.parse("some log text " + r.toLine()));
    }
}
