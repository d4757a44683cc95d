package io.sluice.core.pushed;

import io.sluice.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Which remote a client tries next and how long it waits first, as OpenVPN 2.6 decides it (init.c
 * {@code init_connection_list}, {@code next_connection_entry}, {@code socket_restart_pause}).
 *
 * <p>OpenVPN counts unsuccessful attempts across the whole remote list. The pause before an
 * attempt is {@code connect-retry} seconds until every remote has been tried five times; from
 * then on it doubles with each further round, up to the {@code connect-retry} maximum. With one
 * remote and {@code connect-retry 5}, the pauses are 5, 5, 5, 5, 10, 20, 40, 80, 160, 300, 300 ...
 * A connection that came fully up resets the count, and the first attempt after it stays with the
 * same remote. {@code connect-retry-max n} gives up once n attempts at every remote have failed.
 *
 * <p>With {@code remote-random} the list is shuffled once, when the schedule is made.
 *
 * <p>Not thread-safe: one per client, driven by its connection loop. Times come from the
 * injected {@link Clock}.
 */
public final class ReconnectSchedule {

    /** OpenVPN's message when {@code connect-retry-max} is reached (it then exits). */
    public static final String GIVE_UP = "All connections have been connect-retry-max (%d) times unsuccessful, exiting";

    /** init.c: the doubling stops after 15 steps. */
    private static final int MAX_SHIFT = 15;
    /** init.c: pauses grow only after every remote was tried this many times. */
    private static final int ROUNDS_BEFORE_BACKOFF = 4;

    private final ConnectRetry policy;
    private final List<Integer> order;
    private final Clock clock;
    private int current = -1;
    private int unsuccessful;
    private boolean noAdvance;

    /**
     * @param policy       the retry settings
     * @param remotes      how many remotes (connection entries) there are, at least 1
     * @param remoteRandom {@code remote-random}: the source of the one shuffle, empty to keep the
     *                     configured order
     * @param clock        when attempts may start
     */
    public ReconnectSchedule(ConnectRetry policy, int remotes, Optional<Random> remoteRandom, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (remotes < 1) {
            throw new IllegalArgumentException("at least one remote: " + remotes);
        }
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < remotes; i++) {
            o.add(i);
        }
        remoteRandom.ifPresent(r -> shuffle(o, r));
        this.order = List.copyOf(o);
    }

    /**
     * init.c {@code init_connection_list}: each position swaps with a random one. (Not a uniform
     * shuffle, but it is OpenVPN's; the random source is the caller's, so the order differs from
     * OpenVPN's own for the same list.)
     */
    static void shuffle(List<Integer> list, Random random) {
        for (int i = 0; i < list.size(); i++) {
            int j = random.nextInt(list.size());
            if (i != j) {
                Integer t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
        }
    }

    /** The order in which remotes are tried: indices into the configured list. */
    public List<Integer> order() {
        return order;
    }

    /** The first attempt: the first remote in {@link #order()}, at once. */
    public Attempt first() {
        if (current >= 0) {
            throw new IllegalStateException("the first attempt was already made");
        }
        return advance(Duration.ZERO).orElseThrow();
    }

    /**
     * The attempt after {@code why}, or empty when {@code connect-retry-max} says to give up
     * ({@link #GIVE_UP}; OpenVPN sleeps the pause first, then exits, which is not worth copying).
     */
    public Optional<Attempt> next(Restart why) {
        if (current < 0) {
            throw new IllegalStateException("no attempt was made yet");
        }
        Duration pause = Duration.ofSeconds(why.immediately() ? 0 : pauseSeconds(why.serverBackoffSeconds()));
        if (!why.advance()) {
            noAdvance = true;
        }
        return advance(pause);
    }

    /**
     * The connection came fully up ("Initialization Sequence Completed"): the failure count starts
     * again and the next attempt goes to the same remote.
     */
    public void connected() {
        unsuccessful = 0;
        noAdvance = true;
    }

    /** Unsuccessful attempts counted so far (OpenVPN's {@code unsuccessful_attempts}). */
    public int unsuccessfulAttempts() {
        return unsuccessful;
    }

    // init.c socket_restart_pause, with the count as it stands before the next entry is chosen.
    private long pauseSeconds(int serverBackoff) {
        long sec = policy.authNoInteract() ? ConnectRetry.NOINTERACT_SECONDS : policy.seconds();
        if (policy.backoff()) {
            int backoff = unsuccessful / order.size() - ROUNDS_BEFORE_BACKOFF;
            if (backoff > 0) {
                sec = Math.max(sec, 1) << Math.min(backoff, MAX_SHIFT);
            }
            sec = Math.max(sec, serverBackoff);
            sec = Math.min(sec, policy.maxSeconds());
        }
        return sec;
    }

    // init.c next_connection_entry.
    private Optional<Attempt> advance(Duration pause) {
        if (noAdvance && current >= 0) {
            noAdvance = false;
        } else {
            unsuccessful++;
            current = (current + 1) % order.size();
        }
        if (policy.maxRounds() > 0 && unsuccessful > (long) order.size() * policy.maxRounds()) {
            return Optional.empty();
        }
        return Optional.of(new Attempt(order.get(current), pause, clock.nanos() + pause.toNanos(), unsuccessful));
    }

    /**
     * One connection attempt.
     *
     * @param remote          index into the configured remote list
     * @param pause           how long to wait before it
     * @param notBeforeNanos  the {@link Clock} reading at which it may start
     * @param attemptNumber   OpenVPN's unsuccessful-attempt count including this one
     */
    public record Attempt(int remote, Duration pause, long notBeforeNanos, int attemptNumber) {
        public Attempt {
            Objects.requireNonNull(pause, "pause");
        }

        /** OpenVPN's log line before a paused attempt. */
        public String logLine() {
            return "Restart pause, " + pause.toSeconds() + " second(s)";
        }
    }
}
