package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CloseGateTest {

    @Test
    void enterAndExitCountThreadsInside() {
        CloseGate gate = new CloseGate();
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertEquals(2, gate.inside());
        gate.exit();
        gate.exit();
        assertEquals(0, gate.inside());
        assertFalse(gate.isClosed());
    }

    @Test
    void closedGateAdmitsNobodyAndOnlyTheFirstCloseReportsIt() {
        CloseGate gate = new CloseGate();
        assertTrue(gate.close());
        assertTrue(gate.isClosed());
        assertFalse(gate.enter());
        assertEquals(0, gate.inside(), "a refused enter leaves no trace");
        assertFalse(gate.close());
    }

    @Test
    void closeWaitsUntilTheLastThreadInsideHasLeft() throws Exception {
        CloseGate gate = new CloseGate();
        assertTrue(gate.enter()); // a "reader" inside a system call
        CountDownLatch closing = new CountDownLatch(1);
        CompletableFuture<Boolean> closer = CompletableFuture.supplyAsync(() -> {
            closing.countDown();
            return gate.close();
        });
        closing.await();
        Thread.sleep(100);
        assertFalse(closer.isDone(), "close() must not return while a thread is inside");
        assertTrue(gate.isClosed(), "but nobody new may enter meanwhile");
        assertFalse(gate.enter());
        gate.exit();
        assertTrue(closer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void manyThreadsRacingWithCloseNeverLeaveAnyoneInside() throws Exception {
        for (int round = 0; round < 50; round++) {
            CloseGate gate = new CloseGate();
            Thread[] workers = new Thread[4];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Thread(() -> {
                    while (gate.enter()) {
                        Thread.onSpinWait();
                        gate.exit();
                    }
                });
                workers[i].start();
            }
            Thread.sleep(2);
            assertTrue(gate.close());
            assertEquals(0, gate.inside());
            for (Thread w : workers) {
                w.join(5000);
                assertFalse(w.isAlive());
            }
        }
    }
}
