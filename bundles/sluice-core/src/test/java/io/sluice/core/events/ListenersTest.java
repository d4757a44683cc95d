package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.event.HookResult;
import io.sluice.api.event.TunnelEvent;
import io.sluice.api.event.TunnelEventListener;
import io.sluice.api.event.TunnelEventType;
import io.sluice.core.log.TunnelLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listener services hear every event, off the caller's thread, and none of them can spoil it for the others. */
class ListenersTest {

    @TempDir
    Path dir;

    private final Fixture.LogLines logged = new Fixture.LogLines();
    private final List<TunnelEventListener> listeners = new CopyOnWriteArrayList<>();
    private EventDispatcher dispatcher;

    @AfterEach
    void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private EventDispatcher dispatcher(Duration limit) {
        dispatcher = new EventDispatcher("server", ScriptHooks.none(dir), () -> List.copyOf(listeners),
                TunnelLog.to(logged, 4), limit);
        return dispatcher;
    }

    private static TunnelEvent event(TunnelEventType type) {
        return new TunnelEvent(type, "server", List.of(), Map.of("script_type", type.scriptType()));
    }

    /** Throws from onEvent. */
    static final class Thrower implements TunnelEventListener {
        @Override
        public CompletionStage<HookResult> onEvent(TunnelEvent event) {
            throw new IllegalStateException("boom");
        }
    }

    /** Never answers. */
    static final class Silent implements TunnelEventListener {
        @Override
        public CompletionStage<HookResult> onEvent(TunnelEvent event) {
            return new CompletableFuture<>();
        }
    }

    /** Blocks the thread that calls it. */
    static final class Sleeper implements TunnelEventListener {
        @Override
        public CompletionStage<HookResult> onEvent(TunnelEvent event) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(HookResult.PROCEED);
        }
    }

    /** Remembers what it heard, on which thread, and answers with {@code answer}. */
    static final class Recorder implements TunnelEventListener {
        final List<TunnelEvent> heard = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final HookResult answer;

        Recorder(HookResult answer) {
            this.answer = answer;
        }

        @Override
        public CompletionStage<HookResult> onEvent(TunnelEvent event) {
            heard.add(event);
            threads.add(Thread.currentThread().getName());
            return CompletableFuture.completedFuture(answer);
        }
    }

    static EventOutcome await(CompletionStage<EventOutcome> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aListenerThatThrowsOrNeverAnswersDoesNotKeepTheEventFromAnother() throws Exception {
        Recorder recorder = new Recorder(HookResult.PROCEED);
        listeners.addAll(List.of(new Thrower(), new Silent(), recorder));
        EventOutcome outcome = await(dispatcher(Duration.ofMillis(500)).dispatch(event(TunnelEventType.UP)));

        assertTrue(outcome.allowed());
        assertEquals(1, recorder.heard.size());
        assertEquals(TunnelEventType.UP, recorder.heard.get(0).type());
        assertTrue(logged.lines.contains("WARN Tunnel event listener " + Thrower.class.getName()
                + " failed on up: IllegalStateException: boom"), logged.lines::toString);
        assertTrue(logged.lines.contains("WARN Tunnel event listener " + Silent.class.getName()
                + " did not answer up within 0.5 s"), logged.lines::toString);
    }

    @Test
    void listenersRunOffTheCallersThreadEvenWhenOneBlocks() throws Exception {
        Recorder recorder = new Recorder(HookResult.PROCEED);
        listeners.addAll(List.of(new Sleeper(), recorder));
        EventDispatcher d = dispatcher(Duration.ofMillis(300));
        long start = System.nanoTime();
        CompletionStage<EventOutcome> stage = d.dispatch(event(TunnelEventType.ROUTE_UP));
        long returnedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        EventOutcome outcome = await(stage);
        long doneAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(returnedAfter < 250, "dispatch blocked the caller for " + returnedAfter + " ms");
        assertTrue(doneAfter < 4000, "the blocked listener held the outcome for " + doneAfter + " ms");
        assertTrue(outcome.allowed());
        assertTrue(recorder.threads.get(0).startsWith("sluice-server-events-"), recorder.threads::toString);
    }

    @Test
    void aListenerThatFailsOrTimesOutRefusesClientConnect() throws Exception {
        listeners.addAll(List.of(new Recorder(HookResult.PROCEED), new Silent()));
        EventOutcome outcome = await(dispatcher(Duration.ofMillis(300)).dispatch(event(TunnelEventType.CLIENT_CONNECT)));
        assertFalse(outcome.allowed());
        assertEquals(List.of("Tunnel event listener " + Silent.class.getName()
                + " did not answer client-connect within 0.3 s"), outcome.reasons());
    }

    @Test
    void anyDenyRefusesClientConnectAndTheAllowingListenersLinesAreKeptInOrder() throws Exception {
        listeners.addAll(List.of(new Recorder(new HookResult(true, List.of("push \"route 10.1.0.0 255.255.0.0\""), "")),
                new Recorder(HookResult.deny("not on the list")),
                new Recorder(new HookResult(true, List.of("iroute 10.2.0.0 255.255.0.0"), ""))));
        EventOutcome outcome = await(dispatcher(Duration.ofSeconds(5)).dispatch(event(TunnelEventType.CLIENT_CONNECT)));
        assertFalse(outcome.allowed());
        assertEquals(List.of("not on the list"), outcome.reasons());
        assertEquals(List.of("push \"route 10.1.0.0 255.255.0.0\"", "iroute 10.2.0.0 255.255.0.0"),
                outcome.configLines());
    }

    @Test
    void onlyClientConnectCanBeRefusedByAListener() throws Exception {
        listeners.add(new Recorder(HookResult.deny("no")));
        EventOutcome outcome = await(dispatcher(Duration.ofSeconds(5)).dispatch(event(TunnelEventType.LEARN_ADDRESS)));
        assertTrue(outcome.allowed());
    }

    @Test
    void eventsOnALaneArriveInTheOrderTheyWereSent() throws Exception {
        List<TunnelEventType> heard = new CopyOnWriteArrayList<>();
        listeners.add(event -> CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(event.type() == TunnelEventType.UP ? 200 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heard.add(event.type());
            return HookResult.PROCEED;
        }));
        EventDispatcher d = dispatcher(Duration.ofSeconds(5));
        d.dispatch(event(TunnelEventType.UP));
        d.dispatch(event(TunnelEventType.ROUTE_UP));
        await(d.dispatch(event(TunnelEventType.DOWN)));
        assertEquals(List.of(TunnelEventType.UP, TunnelEventType.ROUTE_UP, TunnelEventType.DOWN), heard);
    }

    @Test
    void aListenerThatAppearsIsHeardFromTheNextEventOn() throws Exception {
        EventDispatcher d = dispatcher(Duration.ofSeconds(5));
        Recorder late = new Recorder(HookResult.PROCEED);
        await(d.dispatch(event(TunnelEventType.UP)));
        listeners.add(late);
        await(d.dispatch(event(TunnelEventType.ROUTE_UP)));
        assertEquals(List.of(TunnelEventType.ROUTE_UP), late.heard.stream().map(TunnelEvent::type).toList());
    }

    @Test
    void afterCloseAClientIsRefusedAndNothingIsCalled() throws Exception {
        Recorder recorder = new Recorder(HookResult.PROCEED);
        listeners.add(recorder);
        EventDispatcher d = dispatcher(Duration.ofSeconds(5));
        d.close();
        EventOutcome outcome = await(d.dispatch(event(TunnelEventType.CLIENT_CONNECT)));
        assertFalse(outcome.allowed());
        assertTrue(recorder.heard.isEmpty());
    }
}
