package io.sluice.core.events;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a server reports when a client's session ends (multi.c
 * {@code multi_client_disconnect_setenv}).
 *
 * @param address       the client's transport address now (it may have floated)
 * @param bytesReceived {@code bytes_received}: bytes read from the client on the link
 * @param bytesSent     {@code bytes_sent}: bytes written to it
 * @param duration      {@code time_duration}, in whole seconds
 */
public record DisconnectFacts(InetSocketAddress address, long bytesReceived, long bytesSent, Duration duration) {

    public DisconnectFacts {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(duration, "duration");
    }
}
