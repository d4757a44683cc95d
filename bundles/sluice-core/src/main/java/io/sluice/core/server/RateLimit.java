package io.sluice.core.server;

/**
 * At most {@code max} events per period of {@code periodNanos}, counted in fixed periods that
 * start with the first event after the previous one ended, as OpenVPN counts
 * {@code connect-freq} (otime.c {@code frequency_limit_event_allowed}) and
 * {@code connect-freq-initial} (reflect_filter.c). Reports what was refused, once per period, so
 * a flood makes two log lines rather than one per packet.
 *
 * <p>Thread-safe: the server's I/O threads share one.
 */
final class RateLimit {

    /** What {@link #tryAcquire} decided. */
    enum Verdict {
        /** Within the limit. */
        ALLOWED,
        /** Over the limit, the first refusal this period: worth a log line. */
        FIRST_REFUSAL,
        /** Over the limit again. */
        REFUSED
    }

    private final long max;
    private final long periodNanos;
    private long periodStart;
    private boolean started;
    private long count;
    private long refusedLastPeriod;
    private boolean reported;

    RateLimit(long max, long periodNanos) {
        if (max < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive count and period");
        }
        this.max = max;
        this.periodNanos = periodNanos;
    }

    /** Counts one event at monotonic time {@code now}. */
    synchronized Verdict tryAcquire(long now) {
        if (!started || now - periodStart > periodNanos) {
            refusedLastPeriod = Math.max(0, count - max);
            started = true;
            periodStart = now;
            count = 0;
            reported = false;
        }
        count++;
        if (count <= max) {
            return Verdict.ALLOWED;
        }
        if (!reported) {
            reported = true;
            return Verdict.FIRST_REFUSAL;
        }
        return Verdict.REFUSED;
    }

    /** Gives one counted event back: a reset whose client went on to open a session (mudp.c). */
    synchronized void release() {
        if (count > 0) {
            count--;
        }
    }

    /** Events refused in the last period that ended, once: 0 when reported already or none. */
    synchronized long takeRefusedLastPeriod() {
        long n = refusedLastPeriod;
        refusedLastPeriod = 0;
        return n;
    }

    /** Nanoseconds until the current period ends, from {@code now}. */
    synchronized long remainingNanos(long now) {
        return Math.max(0, periodStart + periodNanos - now);
    }
}
