package io.sluice.core.events;

import io.sluice.api.event.HookResult;
import io.sluice.api.event.TunnelEvent;
import io.sluice.api.event.TunnelEventListener;
import io.sluice.api.event.TunnelEventType;
import io.sluice.core.log.TunnelLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers an instance's tunnel events to its configured script and to the
 * {@link TunnelEventListener} services, off the caller's thread, and combines their answers.
 *
 * <p>For each event the script (if the configuration has one for it) and every listener of the
 * current snapshot are called in parallel on the dispatcher's own threads. Each gets the time
 * limit: a script still running is killed, a listener that has not answered is given up on. A
 * listener that throws, returns nothing or times out is logged in one line and never disturbs
 * the others or the caller. The answers are combined into one {@link EventOutcome}: for a
 * vetoable event ({@code client-connect}) any refusal or failure refuses, and the configuration
 * lines are the script's followed by each listener's; a failing script makes any event's outcome
 * not allowed (which matters for {@code learn-address} and is fatal for {@code up}).
 *
 * <p><b>Order.</b> Events sent through one {@link Lane} are delivered one after the other, each
 * after the previous one's outcome is complete, as OpenVPN runs its scripts one at a time. The
 * dispatcher's own lane ({@link #dispatch}) serves the instance (up, route-up, ipchange,
 * route-pre-down, down, learn-address); a server gives each client a lane of its own for
 * client-connect and client-disconnect ({@link #newLane()}), so one slow client does not hold up
 * the others.
 *
 * <p>Callers that must wait (up before "Initialization Sequence Completed", client-connect before
 * admitting a client) wait on the returned stage; the others ignore it. Closed with the instance.
 * Thread-safe.
 */
public final class EventDispatcher implements AutoCloseable {

    /** The time limit for a script or a listener unless the instance says otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private final String instance;
    private final ScriptHooks hooks;
    private final Supplier<List<TunnelEventListener>> listeners;
    private final TunnelLog log;
    private final Duration timeLimit;
    private final ScriptRunner runner;
    private final ExecutorService pool;
    private final Lane own;
    private final Set<CompletableFuture<EventOutcome>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A dispatcher with the {@link #DEFAULT_TIME_LIMIT}. */
    public EventDispatcher(String instance, ScriptHooks hooks, Supplier<List<TunnelEventListener>> listeners,
                           TunnelLog log) {
        this(instance, hooks, listeners, log, DEFAULT_TIME_LIMIT);
    }

    /**
     * @param instance  the instance's name, as {@link TunnelEvent#instance()}
     * @param listeners the listener services now; called once per event, so a bundle that comes or
     *                  goes is seen from the next event on
     * @param timeLimit how long one script or one listener may take
     */
    public EventDispatcher(String instance, ScriptHooks hooks, Supplier<List<TunnelEventListener>> listeners,
                           TunnelLog log, Duration timeLimit) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.log = Objects.requireNonNull(log, "log");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
        }
        this.timeLimit = timeLimit;
        this.runner = new ScriptRunner(hooks, timeLimit, log);
        AtomicInteger threads = new AtomicInteger();
        // Scripts block a thread each while they run, so the pool grows as needed and shrinks when idle.
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sluice-" + instance + "-events-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.own = new Lane();
    }

    /** The instance's name. */
    public String instance() {
        return instance;
    }

    /** The scripts this dispatcher runs. */
    public ScriptHooks hooks() {
        return hooks;
    }

    /** The threads scripts and listeners run on; authentication backends are called there too. */
    java.util.concurrent.Executor executor() {
        return pool;
    }

    /** Where the dispatcher logs. */
    TunnelLog log() {
        return log;
    }

    /** The time limit per script and per listener. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** Delivers an event on the instance's own lane, after the events sent there before it. */
    public CompletionStage<EventOutcome> dispatch(TunnelEvent event) {
        return own.dispatch(event);
    }

    /** A new lane: events sent through it are delivered in order, independently of other lanes. */
    public Lane newLane() {
        return new Lane();
    }

    /**
     * Stops taking events, waits up to the time limit for those under way (so a {@code down} sent
     * just before still runs), then stops the threads, killing scripts still running.
     * Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<?>[] pending = inFlight.toArray(new CompletableFuture<?>[0]);
        try {
            CompletableFuture.allOf(pending).get(timeLimit.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Whatever is left is abandoned.
        }
        pool.shutdownNow();
    }

    /** A sequence of events delivered one at a time, in the order they were sent. */
    public final class Lane {

        private CompletableFuture<EventOutcome> tail = CompletableFuture.completedFuture(null);

        private Lane() {
        }

        /** Delivers an event after every event sent through this lane before it has its outcome. */
        public synchronized CompletionStage<EventOutcome> dispatch(TunnelEvent event) {
            Objects.requireNonNull(event, "event");
            if (closed) {
                return CompletableFuture.completedFuture(EventOutcome.undelivered(event.type(), "the instance is stopping"));
            }
            CompletableFuture<EventOutcome> next;
            try {
                next = tail
                        .handle((previous, failure) -> null)
                        .thenComposeAsync(ignored -> deliver(event), pool)
                        .exceptionally(failure -> notDelivered(event, failure));
            } catch (RejectedExecutionException e) {
                return CompletableFuture.completedFuture(notDelivered(event, e));
            }
            tail = next;
            inFlight.add(next);
            next.whenComplete((outcome, failure) -> inFlight.remove(next));
            return next.copy();
        }
    }

    private EventOutcome notDelivered(TunnelEvent event, Throwable failure) {
        log.warn("Tunnel event " + event.type().scriptType() + " was not delivered: " + describe(failure));
        return EventOutcome.undelivered(event.type(), "not delivered: " + describe(failure));
    }

    // --- one event ----------------------------------------------------------------------------

    private CompletableFuture<EventOutcome> deliver(TunnelEvent event) {
        Optional<ScriptCommand> command = hooks.command(event.type());
        List<TunnelEventListener> targets = snapshot();
        if (command.isEmpty() && targets.isEmpty()) {
            return CompletableFuture.completedFuture(EventOutcome.nothing(event.type()));
        }
        CompletableFuture<Optional<ScriptResult>> script = command
                .map(c -> CompletableFuture.supplyAsync(() -> Optional.of(runScript(c, event)), pool))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (TunnelEventListener l : targets) {
            answers.add(ask(l, event));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(answers);
        all.add(script);
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> combine(event.type(), script.join(), answers.stream().map(CompletableFuture::join)
                        .toList()));
    }

    private ScriptResult runScript(ScriptCommand command, TunnelEvent event) {
        try {
            return runner.run(command, event.arguments(), event.environment());
        } catch (RuntimeException e) {
            log.warn("WARNING: Failed running command (" + ScriptRunner.hook(event.type()) + "): " + describe(e));
            return ScriptResult.failed(ScriptResult.Status.NOT_EXECUTED, OptionalInt.empty(), describe(e));
        }
    }

    private List<TunnelEventListener> snapshot() {
        try {
            List<TunnelEventListener> now = listeners.get();
            return now == null ? List.of() : List.copyOf(now);
        } catch (RuntimeException e) {
            log.warn("Tunnel event listeners could not be listed: " + describe(e));
            return List.of();
        }
    }

    /** One listener's answer, or why there is none. */
    private record Answer(TunnelEventListener listener, Optional<HookResult> result, String problem) {
    }

    /** Calls a listener on a pool thread and waits for its stage up to the time limit; never fails. */
    private CompletableFuture<Answer> ask(TunnelEventListener listener, TunnelEvent event) {
        CompletableFuture<HookResult> answer = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    CompletionStage<HookResult> stage = listener.onEvent(event);
                    if (stage == null) {
                        answer.completeExceptionally(new IllegalStateException("returned no stage"));
                        return;
                    }
                    stage.whenComplete((result, failure) -> {
                        if (failure != null) {
                            answer.completeExceptionally(failure);
                        } else if (result == null) {
                            answer.completeExceptionally(new IllegalStateException("answered null"));
                        } else {
                            answer.complete(result);
                        }
                    });
                } catch (Throwable t) {
                    answer.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(new IllegalStateException("the instance is stopping"));
        }
        String who = "Tunnel event listener " + listener.getClass().getName();
        String what = event.type().scriptType();
        return answer.orTimeout(timeLimit.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
            if (failure == null) {
                return new Answer(listener, Optional.of(result), "");
            }
            Throwable cause = unwrap(failure);
            String problem = cause instanceof TimeoutException
                    ? who + " did not answer " + what + " within " + ScriptRunner.seconds(timeLimit)
                    : who + " failed on " + what + ": " + describe(cause);
            log.warn(problem);
            return new Answer(listener, Optional.empty(), problem);
        });
    }

    private static EventOutcome combine(TunnelEventType type, Optional<ScriptResult> script, List<Answer> answers) {
        boolean allowed = true;
        List<String> lines = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (script.isPresent()) {
            ScriptResult r = script.get();
            if (r.succeeded()) {
                lines.addAll(r.configLines());
            } else {
                allowed = false;
                reasons.add("--" + type.option() + " script: " + r.message());
            }
        }
        for (Answer a : answers) {
            if (a.result().isEmpty()) {
                if (type.vetoable()) {
                    allowed = false;
                    reasons.add(a.problem());
                }
                continue;
            }
            HookResult r = a.result().get();
            if (!type.vetoable()) {
                continue; // only client-connect can be refused by a listener
            }
            if (r.allow()) {
                lines.addAll(r.configLines());
            } else {
                allowed = false;
                reasons.add(r.reason().isEmpty() ? a.listener().getClass().getName() + " refused" : r.reason());
            }
        }
        return new EventOutcome(type, allowed, lines, reasons, script);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        Throwable c = unwrap(t);
        String m = c.getMessage();
        String text = c.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
