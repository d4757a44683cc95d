package io.sluice.transport.udp;

import io.sluice.api.transport.LinkOptions;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/** Applies a tunnel's {@link LinkOptions} to a socket, or says which of them cannot be. */
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
                    "option 'mark' (SO_MARK " + options.mark() + ") is not supported by the UDP transport");
        }
        if (options.bindDevice().isPresent()) {
            throw new UnsupportedOperationException(
                    "option 'bind-dev' (SO_BINDTODEVICE " + options.bindDevice().get()
                            + ") is not supported by the UDP transport");
        }
    }

    /** Sets SO_SNDBUF and SO_RCVBUF where asked; 0 keeps the system default, as in OpenVPN. */
    static void applyBuffers(NetworkChannel channel, LinkOptions options) throws IOException {
        if (options.sendBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBuffer());
        }
        if (options.receiveBuffer() > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBuffer());
        }
    }
}
