package io.sluice.bench.jmh;

import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.ReplayWindow;
import io.sluice.core.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The replay check and record of one received packet id ({@link ReplayWindow#test} then
 * {@link ReplayWindow#add}, as the decryptors call them), for ids arriving in order and for ids
 * arriving in swapped pairs (2, 1, 4, 3, ...), the reordering a multi-queue path causes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayWindowBenchmark {

    /** OpenVPN's default, and its largest {@code --replay-window}. */
    @Param({"64", "65536"})
    public int window;

    private ReplayWindow replay;
    private long next;

    @Setup
    public void window() {
        replay = new ReplayWindow(window, ReplayWindow.DEFAULT_SECONDS, Clock.system());
        next = 1;
    }

    @Benchmark
    public boolean inOrder() {
        return accept(next++);
    }

    @Benchmark
    public boolean swappedPairs() {
        long n = next++;
        return accept((n & 1) == 1 ? n + 1 : n - 1);
    }

    private boolean accept(long id) {
        if (replay.test(id, 0) != DecryptStatus.OK) {
            return false;
        }
        replay.add(id, 0);
        return true;
    }
}
