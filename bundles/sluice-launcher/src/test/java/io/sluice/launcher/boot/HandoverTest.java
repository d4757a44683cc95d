package io.sluice.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandoverTest {

    @Test
    void argumentsSurviveTheRoundTripIncludingEmptyAndSpacedOnes() {
        List<String> argv = List.of("--config", "my server.conf", "--setenv", "X", "", "--verb", "4");
        assertEquals(argv, Handover.decode(Handover.encode(argv)));
    }

    @Test
    void noArgumentsDecodeToNone() {
        assertEquals(List.of(), Handover.decode(null));
        assertEquals(List.of(), Handover.decode(""));
    }

    @Test
    void aNulInsideAnArgumentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Handover.encode(List.of("a\0b")));
    }
}
