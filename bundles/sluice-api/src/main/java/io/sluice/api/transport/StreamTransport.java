package io.sluice.api.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * Service: a stream transport (OpenVPN's {@code proto tcp-server} / {@code tcp-client}, or a
 * proxy in front of one). It does OpenVPN's 2-byte length framing, so each connection is
 * a {@link PacketLink} that carries whole packets.
 *
 * <p>Registered with the service property {@link DatagramTransport#NAME} naming it
 * (for example {@code tcp}).
 */
public interface StreamTransport {

    /** Accepts connections on one listening socket. */
    @FunctionalInterface
    interface Acceptor {
        /**
         * A peer connected. Returns where that connection's packets go; returning
         * {@code null} refuses it (the connection is closed at once, as with {@code max-clients}).
         */
        PacketReceiver accepted(PacketLink connection);
    }

    /** Listens on {@code local}; closing the result stops accepting but keeps open connections. */
    Closeable listen(InetSocketAddress local, LinkOptions options, Acceptor acceptor) throws IOException;

    /**
     * Connects to {@code remote}. The stage completes with the connected link, or
     * exceptionally when the connection fails or times out.
     *
     * @param local where to bind first, or {@code null} for any ({@code nobind})
     */
    CompletionStage<PacketLink> connect(InetSocketAddress remote, InetSocketAddress local,
                                        LinkOptions options, PacketReceiver receiver);
}
