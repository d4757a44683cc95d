package io.sluice.api.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One open socket carrying whole OpenVPN packets: a bound datagram socket, or one stream
 * connection whose framing the transport already removed.
 *
 * <p>Thread-safety: {@link #send} may be called from any thread; a transport serialises
 * concurrent sends on one stream connection itself.
 */
public interface PacketLink extends AutoCloseable {

    TransportProtocol protocol();

    InetSocketAddress localAddress();

    /** The peer of a stream connection; empty for a datagram socket, which talks to many. */
    Optional<InetSocketAddress> remoteAddress();

    /**
     * Sends one packet: the bytes from the buffer's position to its limit. On return the
     * buffer's position has reached its limit and the caller may reuse it.
     *
     * @param to where a datagram goes; ignored by stream connections
     * @throws IOException when the socket is closed or the packet cannot be queued
     */
    void send(ByteBuffer packet, InetSocketAddress to) throws IOException;

    /** Closes the socket. Idempotent; the receiver gets {@link PacketReceiver#closed}. */
    @Override
    void close();
}
