package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private final FakeClock clock = new FakeClock();
    private final ReplayWindow window = ReplayWindow.withDefaults(clock);

    private DecryptStatus receive(long id) {
        return receive(id, 0);
    }

    private DecryptStatus receive(long id, long time) {
        DecryptStatus s = window.test(id, time);
        if (s == DecryptStatus.OK) {
            window.add(id, time);
        }
        return s;
    }

    @Test
    void defaultsAreOpenVpnsSixtyFourPacketsAndFifteenSeconds() {
        assertEquals(64, ReplayWindow.DEFAULT_WINDOW);
        assertEquals(15, ReplayWindow.DEFAULT_SECONDS);
        assertEquals(64, window.window());
    }

    @Test
    void risingIdsAreAccepted() {
        for (long id = 1; id <= 200; id++) {
            assertEquals(DecryptStatus.OK, receive(id));
        }
        assertEquals(200, window.highestId());
    }

    @Test
    void aDuplicateIsAReplay() {
        receive(1);
        receive(2);

        assertEquals(DecryptStatus.REPLAY, receive(2));
        assertEquals(DecryptStatus.REPLAY, receive(1));
    }

    @Test
    void reorderedIdsInsideTheWindowAreAcceptedOnce() {
        receive(10);

        assertEquals(DecryptStatus.OK, receive(7));
        assertEquals(DecryptStatus.OK, receive(9));
        assertEquals(DecryptStatus.REPLAY, receive(7));
    }

    @Test
    void anIdAWholeWindowBehindTheNewestIsTooOld() {
        receive(1);
        receive(100);

        assertEquals(DecryptStatus.OK, window.test(100 - 63, 0));
        assertEquals(DecryptStatus.TOO_OLD, window.test(100 - 64, 0));
    }

    @Test
    void packetIdZeroIsNeverValid() {
        assertEquals(DecryptStatus.ZERO_PACKET_ID, receive(0));
    }

    @Test
    void testingAloneRecordsNothing() {
        assertEquals(DecryptStatus.OK, window.test(5, 0));
        assertEquals(DecryptStatus.OK, window.test(5, 0));
    }

    @Test
    void unseenIdsExpireOnceANewerAcceptedIdIsOlderThanTheTimeLimit() {
        receive(1);
        receive(3);

        clock.advance(Duration.ofSeconds(15)); // not yet more than 15 s
        assertEquals(DecryptStatus.OK, window.test(2, 0));
        // Expiry is swept every 5 s, as in OpenVPN, so look again at the next sweep.
        clock.advance(Duration.ofSeconds(ReplayWindow.REAP_INTERVAL_SECONDS));
        assertEquals(DecryptStatus.EXPIRED, window.test(2, 0));
        assertEquals(DecryptStatus.EXPIRED, window.test(1, 0));
        assertEquals(DecryptStatus.OK, receive(4));
    }

    @Test
    void longFormALaterTimestampStartsANewSequenceAndAnEarlierOneIsRefused() {
        receive(5, 2_000);

        assertEquals(DecryptStatus.OK, receive(1, 2_001));
        assertEquals(DecryptStatus.TIME_BACKTRACK, receive(6, 2_000));
        assertEquals(DecryptStatus.REPLAY, receive(1, 2_001));
    }

    @Test
    void windowZeroDemandsStrictSequence() {
        ReplayWindow strict = new ReplayWindow(0, 0, clock);
        strict.add(1, 0);

        assertEquals(DecryptStatus.NOT_SEQUENTIAL, strict.test(3, 0));
        assertEquals(DecryptStatus.NOT_SEQUENTIAL, strict.test(1, 0));
        assertEquals(DecryptStatus.OK, strict.test(2, 0));
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(65537, 15, clock));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(64, 601, clock));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(-1, 15, clock));
    }
}
