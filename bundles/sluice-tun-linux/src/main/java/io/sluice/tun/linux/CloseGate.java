package io.sluice.tun.linux;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Guards a file descriptor against being closed while another thread is inside a system call on it.
 *
 * <p>Closing an fd that another thread is blocked on is a classic bug: the number can be reused by
 * an unrelated {@code open} before the blocked call returns, which then reads or writes the wrong
 * file. So every read and write {@link #enter() enters} the gate first and {@link #exit() exits}
 * after its system call; {@link #close()} shuts the gate and waits until the last one has left, and
 * only then may the caller close the fd. Callers must make sure nobody inside the gate blocks
 * indefinitely once it is closing (the device does: its waits poll an eventfd that close signals).
 *
 * <p>One {@code int}: the sign bit says "closed", the rest counts the threads inside. Entering and
 * leaving are one atomic add each and allocate nothing, which keeps the gate out of the way of the
 * data path; each device has its own gate, so devices never contend with each other.
 */
final class CloseGate {

    private static final int CLOSED = Integer.MIN_VALUE;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicInteger state = new AtomicInteger();
    private volatile Thread closer;

    /** Enters the gate; false (and not entered) if it is closed. Pair a true result with {@link #exit()}. */
    boolean enter() {
        if (state.incrementAndGet() < 0) {
            exit();
            return false;
        }
        return true;
    }

    /** Leaves the gate, waking the closing thread if this was the last one inside. */
    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            Thread t = closer;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    boolean isClosed() {
        return state.get() < 0;
    }

    /** How many threads are inside (for tests and diagnostics). */
    int inside() {
        return state.get() & ~CLOSED;
    }

    /**
     * Shuts the gate: no one enters from now on. Returns true to the one caller that closed it, after
     * every thread inside has left; false at once to any later caller.
     */
    boolean close() {
        while (true) {
            int s = state.get();
            if (s < 0) {
                return false;
            }
            closer = Thread.currentThread(); // before the CAS, so the last thread out sees who to wake
            if (state.compareAndSet(s, s | CLOSED)) {
                break;
            }
        }
        boolean interrupted = false;
        while (state.get() != CLOSED) {
            // Bounded park: an unpark that raced ahead of this park is not lost for long.
            LockSupport.parkNanos(this, PARK_NANOS);
            interrupted |= Thread.interrupted();
        }
        closer = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
