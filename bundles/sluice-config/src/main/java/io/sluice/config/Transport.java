package io.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * The link: global protocol and ports (OpenVPN defaults: udp, 1194), the {@code local} address,
 * the {@code remote} lines, the effective connection list (empty for a server, which has no
 * remote), and the connection-wide flags.
 */
public record Transport(Proto proto, int remotePort, int localPort, Optional<String> local, List<Remote> remotes,
                        List<Connection> connections, boolean remoteRandom, boolean bind, boolean floatAllowed) {

    public Transport {
        remotes = List.copyOf(remotes);
        connections = List.copyOf(connections);
    }
}
