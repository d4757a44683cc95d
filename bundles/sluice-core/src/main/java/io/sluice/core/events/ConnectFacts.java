package io.sluice.core.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server knows about a client when it runs {@code client-connect} (multi.c
 * {@code multi_client_connect_setenv}; ssl_verify.c; misc.c {@code output_peer_info_env}).
 *
 * @param peer        the client's address, certificates and common name
 * @param peerInfo    its exported peer info ({@code IV_VER}, {@code UV_*} ...), as
 *                    {@code PeerInfo.environment()} gives it
 * @param username    the {@code auth-user-pass} user name, if it sent one
 * @param addresses   the tunnel addresses it is given
 * @param connectedAt when the client instance was created ({@code time_unix})
 * @param zone        the zone {@code time_ascii} is written in (the host's, as OpenVPN's localtime)
 */
public record ConnectFacts(PeerFacts peer, Map<String, String> peerInfo, Optional<String> username,
                           PoolAddresses addresses, Instant connectedAt, ZoneId zone) {

    public ConnectFacts {
        Objects.requireNonNull(peer, "peer");
        peerInfo = Map.copyOf(peerInfo);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(zone, "zone");
    }
}
