package io.sluice.itests.net;

import java.time.Duration;

/**
 * A separate test JVM for {@link NetLabIT}: opens a lab with two linked namespaces and a process in
 * one of them, prints {@code READY <ns1> <ns2> <pid>} and waits to be killed. The test kills this JVM
 * with SIGTERM (the shutdown hook must clean up) or SIGKILL (the next run's sweep must clean up).
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
        Thread.sleep(Duration.ofMinutes(10).toMillis());
    }
}
