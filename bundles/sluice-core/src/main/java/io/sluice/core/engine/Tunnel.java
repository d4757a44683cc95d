package io.sluice.core.engine;

import java.util.concurrent.CompletionStage;

/** A running instance: a server, or a client and its connection. Closing it stops it. */
public interface Tunnel extends AutoCloseable {

    /** The instance's name in logs and events. */
    String name();

    /** One line of status: device, listening sockets, clients. */
    String status();

    /**
     * Completes with a process exit status when the instance ends by itself: a client after
     * AUTH_FAILED with {@code auth-retry none}, HALT from its server, or {@code connect-retry-max}
     * attempts. A server runs until closed, so its stage completes only then.
     */
    CompletionStage<Integer> ended();

    /** Stops the instance: tells peers (explicit-exit-notify), closes sockets and the device. Idempotent. */
    @Override
    void close();
}
