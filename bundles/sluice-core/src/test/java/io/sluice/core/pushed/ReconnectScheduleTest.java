package io.sluice.core.pushed;

import io.sluice.core.time.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remotes and pauses between attempts follow OpenVPN 2.6's connect-retry rules. */
class ReconnectScheduleTest {

    private final FakeClock clock = new FakeClock();

    private ReconnectSchedule schedule(ConnectRetry policy, int remotes) {
        return new ReconnectSchedule(policy, remotes, Optional.empty(), clock);
    }

    /** The pauses before attempts 2, 3, ... while every attempt fails. */
    private static List<Long> pauses(ReconnectSchedule s, int attempts) {
        List<Long> out = new ArrayList<>();
        s.first();
        for (int i = 1; i < attempts; i++) {
            Optional<ReconnectSchedule.Attempt> a = s.next(Restart.failed());
            if (a.isEmpty()) {
                break;
            }
            out.add(a.get().pause().toSeconds());
        }
        return out;
    }

    private static List<String> captured(String file) throws IOException {
        try (InputStream in = ReconnectScheduleTest.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    @Test
    void pausesWithOneRemoteAreThoseOfTheStockClient() throws IOException {
        List<Long> stock = captured("retry-one-remote.txt").stream().filter(l -> l.startsWith("Restart pause"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).toList();
        assertEquals(List.of(2L, 2L, 2L, 2L, 4L, 8L, 16L, 20L, 20L), stock);
        assertEquals(stock, pauses(schedule(ConnectRetry.of(2, OptionalInt.of(20), 0), 1), stock.size() + 1));
    }

    @Test
    void twoRemotesAlternateAndConnectRetryMaxGivesUpAfterThatManyRounds() throws IOException {
        List<String> stock = captured("retry-two-remotes.txt");
        List<Long> stockPauses = stock.stream().filter(l -> l.startsWith("Restart pause"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).toList();
        List<Integer> stockPorts = stock.stream().filter(l -> l.startsWith("Attempting"))
                .map(l -> Integer.parseInt(l.substring(l.lastIndexOf(':') + 1))).toList();
        ReconnectSchedule s = schedule(ConnectRetry.of(1, OptionalInt.of(8), 6), 2);
        List<Integer> ports = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        ports.add(1195 + s.first().remote());
        Optional<ReconnectSchedule.Attempt> a;
        while ((a = s.next(Restart.failed())).isPresent()) {
            ports.add(1195 + a.get().remote());
            pauses.add(a.get().pause().toSeconds());
        }
        assertEquals(stockPorts, ports);
        assertEquals(12, ports.size());
        // OpenVPN sleeps once more (4 s) before it notices the limit and exits; Sluice stops at once.
        assertEquals(stockPauses.subList(0, 11), pauses);
        assertEquals(4L, stockPauses.get(11));
        assertEquals(stock.get(stock.size() - 1), String.format(ReconnectSchedule.GIVE_UP, 6));
    }

    @Test
    void defaultPausesGrowFromOneSecondToFiveMinutes() {
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L),
                pauses(schedule(ConnectRetry.DEFAULT, 1), 15));
    }

    @Test
    void aConnectionThatCameUpResetsTheCountAndRetriesTheSameRemote() {
        ReconnectSchedule s = schedule(ConnectRetry.DEFAULT, 3);
        s.first();
        for (int i = 0; i < 14; i++) {
            s.next(Restart.failed());
        }
        assertEquals(15, s.unsuccessfulAttempts());
        // 15 attempts at 3 remotes are 5 rounds: the pause has doubled once, and the last remote was the third.
        ReconnectSchedule.Attempt sixteenth = s.next(Restart.failed()).orElseThrow();
        assertEquals(0, sixteenth.remote());
        assertEquals(Duration.ofSeconds(2), sixteenth.pause());
        s.connected();
        ReconnectSchedule.Attempt again = s.next(Restart.failed()).orElseThrow();
        assertEquals(0, again.remote());
        assertEquals(Duration.ofSeconds(1), again.pause());
        assertEquals(0, s.unsuccessfulAttempts());
        assertEquals(1, s.next(Restart.failed()).orElseThrow().remote());
        assertEquals(1, s.unsuccessfulAttempts());
    }

    @Test
    void authFailureRetriesTheSameRemoteWithoutCountingAnAttempt() {
        ReconnectSchedule s = schedule(ConnectRetry.DEFAULT, 2);
        s.first();
        ReconnectSchedule.Attempt a = s.next(Restart.authFailed()).orElseThrow();
        assertEquals(0, a.remote());
        assertEquals(1, a.attemptNumber());
        assertEquals(1, s.next(Restart.failed()).orElseThrow().remote());
    }

    @Test
    void serverPollTimeoutMovesOnWithoutPause() {
        ReconnectSchedule s = schedule(ConnectRetry.of(5, OptionalInt.empty(), 0), 2);
        s.first();
        ReconnectSchedule.Attempt a = s.next(Restart.serverPollTimeout()).orElseThrow();
        assertEquals(1, a.remote());
        assertEquals(Duration.ZERO, a.pause());
    }

    @Test
    void aServerBackoffRaisesThePauseButNotPastTheMaximum() {
        ReconnectSchedule s = schedule(ConnectRetry.of(5, OptionalInt.of(60), 0), 1);
        s.first();
        assertEquals(Duration.ofSeconds(30), s.next(Restart.temporaryFailure(30, false)).orElseThrow().pause());
        assertEquals(Duration.ofSeconds(60), s.next(Restart.temporaryFailure(600, true)).orElseThrow().pause());
        assertEquals(Duration.ofSeconds(5), s.next(Restart.failed()).orElseThrow().pause());
    }

    @Test
    void authRetryNointeractPausesTenSeconds() {
        ReconnectSchedule s = schedule(new ConnectRetry(1, 300, 0, true, true), 1);
        s.first();
        assertEquals(Duration.ofSeconds(10), s.next(Restart.authFailed()).orElseThrow().pause());
    }

    @Test
    void withoutBackoffThePauseNeitherGrowsNorIsCapped() {
        assertEquals(List.of(400L, 400L, 400L, 400L, 400L, 400L, 400L),
                pauses(schedule(new ConnectRetry(400, 300, 0, false, false), 1), 8));
    }

    @Test
    void remoteRandomSwapsEachPositionWithARandomOneOnce() {
        Random fixed = new Random() {
            private final int[] draws = {2, 2, 0};
            private int next;

            @Override
            public int nextInt(int bound) {
                assertEquals(3, bound);
                return draws[next++];
            }
        };
        ReconnectSchedule s = new ReconnectSchedule(ConnectRetry.DEFAULT, 3, Optional.of(fixed), clock);
        // [0,1,2] -> swap(0,2) [2,1,0] -> swap(1,2) [2,0,1] -> swap(2,0) [1,0,2]
        assertEquals(List.of(1, 0, 2), s.order());
        assertEquals(1, s.first().remote());
        assertEquals(0, s.next(Restart.failed()).orElseThrow().remote());
        assertEquals(2, s.next(Restart.failed()).orElseThrow().remote());
        assertEquals(1, s.next(Restart.failed()).orElseThrow().remote());
    }

    @Test
    void anAttemptMayStartOnceTheClockHasPassedItsPause() {
        ReconnectSchedule s = schedule(ConnectRetry.of(5, OptionalInt.empty(), 0), 1);
        assertEquals(FakeClock.DEFAULT_START, s.first().notBeforeNanos());
        clock.advance(Duration.ofSeconds(3));
        ReconnectSchedule.Attempt a = s.next(Restart.failed()).orElseThrow();
        assertEquals(FakeClock.DEFAULT_START + Duration.ofSeconds(8).toNanos(), a.notBeforeNanos());
        assertEquals("Restart pause, 5 second(s)", a.logLine());
    }

    @Test
    void connectRetryArgumentsAreReadAsOpenVpnReadsThem() {
        assertEquals(new ConnectRetry(65535, 300, 0, true, false), ConnectRetry.of(70000, OptionalInt.empty(), 0));
        assertEquals(new ConnectRetry(10, 10, 0, true, false), ConnectRetry.of(10, OptionalInt.of(5), 0));
        assertEquals(new ConnectRetry(0, 300, 0, true, false), ConnectRetry.of(-1, OptionalInt.empty(), -2));
        // A large base with the default maximum is capped at 300 once pauses start growing... and before.
        assertEquals(List.of(300L), pauses(schedule(ConnectRetry.of(600, OptionalInt.empty(), 0), 1), 2));
    }

    @Test
    void theScheduleMustStartWithTheFirstAttempt() {
        ReconnectSchedule s = schedule(ConnectRetry.DEFAULT, 1);
        assertThrows(IllegalStateException.class, () -> s.next(Restart.failed()));
        s.first();
        assertThrows(IllegalStateException.class, s::first);
        assertTrue(s.next(Restart.failed()).isPresent());
    }
}
