package io.sluice.transport.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector and the thread that runs it. Every channel registered here is read, written
 * and closed on this thread only, and the receivers of its connections are called on it, so
 * a connection's packets are delivered in order without locks.
 *
 * <p>Other threads hand it work with {@link #execute}: registrations, closes, connects. That
 * queue is for control operations, never per packet; sends from other threads go straight
 * to the socket (see {@link TcpConnection#send}).
 */
final class IoLoop {

    /**
     * One read's worth of bytes, shared by every connection of this loop (they are read one
     * after another on this thread). Big enough for one largest packet and its prefix, so a
     * read usually holds whole packets that are delivered in place.
     */
    static final int READ_BUFFER_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private final Consumer<SelectionKey> ignore = key -> { };
    private volatile boolean stopping;
    private volatile boolean terminated;

    IoLoop(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Whether the loop has ended; work handed to it now runs on the caller's thread. */
    boolean terminated() {
        return terminated;
    }

    Selector selector() {
        return selector;
    }

    /** The buffer every read of this loop goes into; for this loop's thread only. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    String name() {
        return thread.getName();
    }

    /**
     * Runs {@code task} on this loop's thread, after what it is doing now. Once the loop has
     * ended the task runs on the caller's thread instead, so that closing notifications are
     * never lost.
     */
    void execute(Runnable task) {
        tasks.add(task);
        if (terminated) {
            runTasks();
        } else if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Like {@link #execute}, and waits for the task to have run (not when called on this loop). */
    void executeAndWait(Runnable task) {
        if (inLoop() || terminated) {
            task.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        execute(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                LOG.warn("{}: task still pending after 10 s", name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes the selector so that interest changes made by another thread take effect. */
    void wakeup() {
        selector.wakeup();
    }

    /** Runs {@code task} on this loop after {@code delayNanos}. On this loop's thread only. */
    Timer schedule(long delayNanos, Runnable task) {
        Timer timer = new Timer(System.nanoTime() + delayNanos, task);
        timers.add(timer);
        return timer;
    }

    /**
     * Makes the selector forget cancelled keys now. A closed channel still registered keeps
     * its descriptor (and its port) until the selector deregisters it at its next select; a
     * listener's close must free the port before it returns. On this loop's thread only.
     */
    void releaseCancelledKeys() {
        try {
            // Level-triggered: whatever is ready now is reported again by the next select.
            selector.selectNow(ignore);
        } catch (IOException e) {
            LOG.debug("{}: selectNow failed", name(), e);
        }
    }

    /**
     * Ends the loop, closing everything registered on it, and waits up to {@code timeout}
     * for the thread (not at all when called on it).
     */
    void stop(long timeout, TimeUnit unit) {
        stopping = true;
        if (terminated) {
            return;
        }
        selector.wakeup();
        if (timeout > 0) {
            awaitStopped(timeout, unit);
        }
    }

    /** Waits up to {@code timeout} for the loop's thread to end (not when called on it). */
    void awaitStopped(long timeout, TimeUnit unit) {
        if (inLoop()) {
            return;
        }
        try {
            thread.join(Math.max(1, unit.toMillis(timeout)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("{}: still running after {} ms", name(), unit.toMillis(timeout));
        }
    }

    private void run() {
        try {
            while (!stopping) {
                selector.select(dispatch, selectTimeoutMillis());
                runTasks();
                runDueTimers();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: selector failed; closing its connections", name(), e);
        } finally {
            shutDown();
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((IoHandler) key.attachment()).ready(key);
        } catch (CancelledKeyException e) {
            // Closed by another thread since the select: nothing left to do for it.
        } catch (RuntimeException e) {
            // One connection's failure must not end the loop that serves all the others.
            LOG.error("{}: unexpected failure handling {}", name(), key.attachment(), e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{}: task failed", name(), e);
            }
        }
    }

    private long selectTimeoutMillis() {
        Timer next;
        while ((next = timers.peek()) != null && next.cancelled) {
            timers.poll();
        }
        if (next == null) {
            return 0; // no deadline: wait for I/O or work
        }
        long nanos = next.dueNanos - System.nanoTime();
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        Timer next;
        while ((next = timers.peek()) != null && (next.cancelled || next.dueNanos - now <= 0)) {
            timers.poll();
            if (!next.cancelled) {
                next.cancelled = true;
                try {
                    next.task.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: timer failed", name(), e);
                }
            }
        }
    }

    private void shutDown() {
        terminated = true;
        runTasks();
        List<SelectionKey> keys;
        try {
            keys = new ArrayList<>(selector.keys());
        } catch (RuntimeException e) {
            keys = List.of();
        }
        for (SelectionKey key : keys) {
            try {
                ((IoHandler) key.attachment()).loopStopped();
            } catch (RuntimeException e) {
                LOG.error("{}: failed to close {}", name(), key.attachment(), e);
            }
        }
        runTasks();
        timers.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the selector failed", name(), e);
        }
    }

    /** A task due at a time, on the loop's thread; {@link #cancel()} on that thread too. */
    static final class Timer implements Comparable<Timer> {
        private final long dueNanos;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long dueNanos, Runnable task) {
            this.dueNanos = dueNanos;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(dueNanos - other.dueNanos, 0);
        }
    }
}
