package io.sluice.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountsTakeTheMiddleEvenCountsTheMeanOfTheTwoMiddles() {
        assertEquals(new Summary(2, 1, 9, 3), Summary.of(List.of(9.0, 1.0, 2.0)));
        assertEquals(new Summary(2.5, 1, 9, 4), Summary.of(List.of(9.0, 3.0, 1.0, 2.0)));
    }
}
