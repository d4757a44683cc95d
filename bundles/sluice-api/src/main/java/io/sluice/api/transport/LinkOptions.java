package io.sluice.api.transport;

import java.util.Optional;

/**
 * Socket settings a tunnel's configuration asks of its transport
 * ({@code sndbuf}, {@code rcvbuf}, {@code mark}, {@code bind-dev}).
 *
 * @param sendBuffer    SO_SNDBUF in bytes, 0 for the system default
 * @param receiveBuffer SO_RCVBUF in bytes, 0 for the system default
 * @param mark          SO_MARK (fwmark), 0 for none
 * @param bindDevice    SO_BINDTODEVICE interface or VRF name, if any
 */
public record LinkOptions(int sendBuffer, int receiveBuffer, int mark, Optional<String> bindDevice) {

    /** System defaults for everything. */
    public static final LinkOptions DEFAULTS = new LinkOptions(0, 0, 0, Optional.empty());

    public LinkOptions {
        if (sendBuffer < 0 || receiveBuffer < 0) {
            throw new IllegalArgumentException("buffer sizes must not be negative");
        }
        if (bindDevice == null) {
            throw new NullPointerException("bindDevice");
        }
    }
}
