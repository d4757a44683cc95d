package io.sluice.transport.tcp;

import io.sluice.api.transport.LinkOptions;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Applies a tunnel's {@link LinkOptions} and the transport's settings to sockets. */
final class SocketOptions {

    private SocketOptions() {
    }

    /**
     * Refuses the options plain Java cannot set. SO_MARK and SO_BINDTODEVICE are Linux socket
     * options the JDK does not expose, and reaching the descriptor behind a channel needs
     * internal JDK classes; silently ignoring them would route tunnel traffic past the
     * policy routing or VRF the configuration asked for, so the tunnel must not start.
     */
    static void refuseUnsupported(LinkOptions options) {
        if (options.mark() != 0) {
            throw new UnsupportedOperationException(
                    "option 'mark' (SO_MARK " + options.mark() + ") is not supported by the TCP transport");
        }
        if (options.bindDevice().isPresent()) {
            throw new UnsupportedOperationException(
                    "option 'bind-dev' (SO_BINDTODEVICE " + options.bindDevice().get()
                            + ") is not supported by the TCP transport");
        }
    }

    /**
     * Prepares a listening socket. SO_RCVBUF is set here, before {@code listen}, because
     * accepted sockets inherit it and the TCP window scale is agreed in the handshake, before
     * any accepted socket could be changed. SO_REUSEADDR as OpenVPN sets it, so a restarted
     * server can listen again while old connections linger in TIME_WAIT.
     */
    static void configureListener(ServerSocketChannel server, LinkOptions options) throws IOException {
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        if (options.receiveBuffer() > 0) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBuffer());
        }
    }

    /** Prepares one connection: buffers (0 keeps the system default, as in OpenVPN), TCP_NODELAY, non-blocking. */
    static void configureConnection(SocketChannel channel, LinkOptions options, TcpSettings settings) throws IOException {
        if (options.sendBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBuffer());
        }
        if (options.receiveBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBuffer());
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, settings.tcpNoDelay());
        channel.configureBlocking(false);
    }
}
