package io.sluice.api.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Service: a datagram transport (OpenVPN's {@code proto udp}).
 *
 * <p>Registered with the service property {@value #NAME} naming the transport
 * (for example {@code udp}).
 */
public interface DatagramTransport {

    /** Service property: the transport's name as OpenVPN's {@code proto} spells it. */
    String NAME = "sluice.transport";

    /**
     * Binds a socket and starts delivering what it receives to {@code receiver}.
     *
     * @param local where to bind; port 0 for any ({@code nobind})
     */
    PacketLink bind(InetSocketAddress local, LinkOptions options, PacketReceiver receiver) throws IOException;
}
