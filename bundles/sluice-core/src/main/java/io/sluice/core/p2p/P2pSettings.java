package io.sluice.core.p2p;

import io.sluice.api.tun.TunRequest;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.pushed.LocalRouting;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A static-key peer-to-peer instance's settings, as its configuration gives them with OpenVPN
 * 2.6's defaults for what it leaves out.
 *
 * @param name          the instance's name in logs
 * @param tun           the TUN device to open
 * @param routing       {@code ifconfig}, {@code ifconfig-ipv6}, {@code route} and the rest of the
 *                      device's addressing and routing
 * @param key           the {@code secret} file's key
 * @param direction     the file's direction argument, or {@code key-direction}
 * @param cipher        {@code cipher}, {@code none} included (OpenVPN's default is BF-CBC)
 * @param auth          {@code auth}, {@code none} included (SHA1 unless set)
 * @param replayWindow  {@code replay-window} packets
 * @param replaySeconds {@code replay-window} seconds
 * @param link          the transport and this end's role in it
 * @param bind          where to bind (UDP, tcp-server; tcp-client only with {@code lport}/{@code local}),
 *                      empty for {@code nobind}
 * @param remote        the peer's {@code remote} host and port, if given (required for tcp-client)
 * @param floatAllowed  {@code float}: accept the peer from a new address once its packets are authentic
 * @param ping          {@code ping}: send a keepalive after this long without sending (zero: never)
 * @param pingRestart   {@code ping-restart}: restart after this long without hearing (zero: never)
 * @param pingExit      {@code ping-exit}: stop after this long without hearing (zero: never)
 * @param connectRetry  {@code connect-retry}: the first pause between tcp-client attempts
 * @param connectRetryMax the longest pause between tcp-client attempts
 * @param muteReplayWarnings {@code mute-replay-warnings}
 */
public record P2pSettings(String name, TunRequest tun, LocalRouting routing, Key2 key, KeyDirection direction,
                          String cipher, String auth, int replayWindow, int replaySeconds, Link link,
                          Optional<InetSocketAddress> bind, Optional<Remote> remote, boolean floatAllowed,
                          Duration ping, Duration pingRestart, Duration pingExit, Duration connectRetry,
                          Duration connectRetryMax, boolean muteReplayWarnings) {

    /** The transport and this end's role in it. */
    public enum Link {
        UDP, TCP_SERVER, TCP_CLIENT;

        public boolean tcp() {
            return this != UDP;
        }
    }

    /**
     * The peer as {@code remote} names it.
     *
     * @param family 4 or 6 when {@code proto} forces one, 0 for either
     */
    public record Remote(String host, int port, int family) {
        public Remote {
            Objects.requireNonNull(host, "host");
        }
    }

    public P2pSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tun, "tun");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(pingRestart, "pingRestart");
        Objects.requireNonNull(pingExit, "pingExit");
        Objects.requireNonNull(connectRetry, "connectRetry");
        Objects.requireNonNull(connectRetryMax, "connectRetryMax");
        if (link == Link.TCP_CLIENT && remote.isEmpty()) {
            throw new IllegalArgumentException("tcp-client needs a remote");
        }
        if (link != Link.TCP_CLIENT && bind.isEmpty()) {
            throw new IllegalArgumentException(link + " needs a local address to bind");
        }
    }
}
