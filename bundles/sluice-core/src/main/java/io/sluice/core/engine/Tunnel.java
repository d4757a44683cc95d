package io.sluice.core.engine;

/** A running instance: a server, or (later) a client connection. Closing it stops it. */
public interface Tunnel extends AutoCloseable {

    /** The instance's name in logs and events. */
    String name();

    /** One line of status: device, listening sockets, clients. */
    String status();

    /** Stops the instance: tells peers (explicit-exit-notify), closes sockets and the device. Idempotent. */
    @Override
    void close();
}
