package io.sluice.itests.net;

import java.time.Duration;

/**
 * A separate test JVM for {@link NetLabIT}: opens a lab with two linked namespaces and a process in
 * one of them, prints {@code READY <ns1> <ns2> <pid>} and waits to be killed. The test kills this JVM
 * with SIGTERM (the shutdown hook must clean up) or SIGKILL (the next run's sweep must clean up).
 *
 * <p>In "sigterm" mode the main thread then keeps opening and closing small labs, like JUnit going on
 * to the next test while the shutdown hooks run: none of them may be left behind either.
 */
public final class NetLabChildProbe {

    private NetLabChildProbe() {
    }

    public static void main(String[] args) throws Exception {
        NetLab lab = NetLab.open("NetLabChildProbe-" + (args.length > 0 ? args[0] : "probe"));
        Ns a = lab.namespace("probe-a");
        Ns b = lab.namespace("probe-b");
        lab.link(a, b);
        NsProcess p = lab.start(a, "sleeper", "sleep", "600");
        System.out.println("READY " + a.name() + " " + b.name() + " " + p.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("sigterm")) {
            long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < end) {
                try (NetLab next = NetLab.open("NetLabChildProbe-next")) {
                    next.namespace("next");
                    Thread.sleep(20);
                } catch (IllegalStateException e) {
                    Thread.sleep(20); // refused or closed under us: the JVM is shutting down
                }
            }
        }
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}
