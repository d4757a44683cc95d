package io.sluice.core.server;

import io.sluice.config.CompatMode;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.api.tun.TunRequest;
import io.sluice.core.session.SessionSettings;
import io.sluice.core.tls.TlsSettings;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server instance's settings, after OpenVPN's helpers ({@code server}, {@code server-ipv6},
 * {@code keepalive}) were expanded: what the engine runs, independent of how it was configured.
 *
 * @param name               the instance's name in logs and events
 * @param listen             the sockets to serve
 * @param tun                the TUN/TAP device to open
 * @param topology           {@code topology}
 * @param ipv4               the server's own IPv4 tunnel address and the client pool, if IPv4 is tunnelled
 * @param ipv6               the server's own IPv6 tunnel address and the client pool, if IPv6 is tunnelled
 * @param routes             {@code route} / {@code route-ipv6} lines: subnets routed into the TUN device
 * @param push               options pushed to every client, in order
 * @param dataCiphers        {@code data-ciphers}, in the server's order of preference
 * @param dataCiphersFallback {@code data-ciphers-fallback}
 * @param auth               the {@code auth} digest (CBC ciphers)
 * @param ping               send a keepalive ping after this much silence on our side (0: never)
 * @param pingRestart        drop a client after this much silence from it (0: never)
 * @param maxClients         {@code max-clients}
 * @param duplicateCn        {@code duplicate-cn}
 * @param clientToClient     {@code client-to-client}
 * @param clientConfigDir    {@code client-config-dir}
 * @param ccdExclusive       {@code ccd-exclusive}
 * @param poolPersist        {@code ifconfig-pool-persist} file and interval
 * @param replayWindow       {@code replay-window} packets and seconds
 * @param renegotiateAfter   {@code reneg-sec} (0: never from our side)
 * @param tls                the TLS settings of every key
 * @param controlProtection  {@code tls-auth} or {@code tls-crypt}, if configured
 * @param compat             {@code compat-mode}: whether keys may come from the TLS exporter
 * @param timings            tls-mtu, hand-window, tran-window, tls-timeout (the role is server)
 * @param payload            compression framing, reneg-bytes and reneg-pkts
 * @param connectRates       {@code connect-freq} and {@code connect-freq-initial}
 */
public record ServerSettings(String name, List<ListenSpec> listen, TunRequest tun, Topology topology,
                             Optional<Ipv4Network> ipv4, Optional<Ipv6Network> ipv6, List<RouteSpec> routes,
                             List<String> push, List<String> dataCiphers, Optional<String> dataCiphersFallback,
                             String auth, Duration ping, Duration pingRestart, int maxClients, boolean duplicateCn,
                             boolean clientToClient, Optional<Path> clientConfigDir, boolean ccdExclusive,
                             Optional<PoolPersist> poolPersist, int replayWindow, int replaySeconds,
                             Duration renegotiateAfter, TlsSettings tls, ControlProtectionSpec controlProtection, CompatMode compat,
                             SessionTimings timings, io.sluice.core.tunnel.PayloadSettings payload,
                             ConnectRates connectRates) {

    public ServerSettings {
        Objects.requireNonNull(name, "name");
        listen = List.copyOf(listen);
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one socket to listen on");
        }
        Objects.requireNonNull(tun, "tun");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw new IllegalArgumentException("a routed server needs an IPv4 or an IPv6 network");
        }
        routes = List.copyOf(routes);
        push = List.copyOf(push);
        dataCiphers = List.copyOf(dataCiphers);
        Objects.requireNonNull(dataCiphersFallback, "dataCiphersFallback");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(clientConfigDir, "clientConfigDir");
        Objects.requireNonNull(poolPersist, "poolPersist");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(controlProtection, "controlProtection");
        Objects.requireNonNull(compat, "compat");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(connectRates, "connectRates");
        if (maxClients < 1) {
            throw new IllegalArgumentException("max-clients must be positive");
        }
    }

    /** OpenVPN's {@code topology}. */
    public enum Topology {
        NET30, P2P, SUBNET
    }

    /**
     * The IPv4 side: the server's address ({@code ifconfig local}), what the second
     * {@code ifconfig} argument says (netmask in subnet topology, the peer address otherwise),
     * and the client pool.
     */
    public record Ipv4Network(Inet4Address local, Inet4Address remoteOrNetmask, Inet4Address poolStart,
                              Inet4Address poolEnd) {
        public Ipv4Network {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remoteOrNetmask, "remoteOrNetmask");
            Objects.requireNonNull(poolStart, "poolStart");
            Objects.requireNonNull(poolEnd, "poolEnd");
        }
    }

    /** The IPv6 side: the server's address and prefix, and the pool base (same prefix). */
    public record Ipv6Network(Inet6Address local, int prefixLength, Inet6Address poolBase, int poolPrefixLength) {
        public Ipv6Network {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(poolBase, "poolBase");
        }
    }

    /**
     * A subnet routed into the TUN device ({@code route}, {@code route-ipv6}), via a gateway
     * (net30 and p2p route via the tunnel's peer address) or straight onto the device.
     */
    public record RouteSpec(java.net.InetAddress network, int prefixLength, Optional<java.net.InetAddress> gateway) {
        public RouteSpec {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(gateway, "gateway");
        }
    }

    /** {@code ifconfig-pool-persist FILE [seconds]}. */
    public record PoolPersist(Path file, Duration interval) {
        public PoolPersist {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * How fast a UDP server takes new clients, as OpenVPN 2.6 limits it (mudp.c): at most
     * {@code initialMax} answered resets per {@code initialSeconds} ({@code connect-freq-initial},
     * default 100 per 10 s; a reset whose client completes the stateless start gives its place
     * back), and at most {@code max} new sessions per {@code seconds} ({@code connect-freq}; 0:
     * no limit, the default). They keep a flood of spoofed resets from turning the server into a
     * reflector and a flood of clients from starving those already connected.
     */
    public record ConnectRates(int initialMax, int initialSeconds, int max, int seconds) {

        /** OpenVPN 2.6's defaults (options.c): connect-freq-initial 100 10, no connect-freq. */
        public static final ConnectRates DEFAULTS = new ConnectRates(100, 10, 0, 0);

        public ConnectRates {
            if (initialMax < 1 || initialSeconds < 1 || max < 0 || seconds < 0 || (max == 0) != (seconds == 0)) {
                throw new IllegalArgumentException("connect rates must be positive: " + initialMax + "/"
                        + initialSeconds + ", " + max + "/" + seconds);
            }
        }
    }

    /** The control-channel timings every client session gets. */
    public record SessionTimings(int tlsMtu, Duration handWindow, Duration transitionWindow, Duration tlsTimeout) {
        public SessionTimings {
            Objects.requireNonNull(handWindow, "handWindow");
            Objects.requireNonNull(transitionWindow, "transitionWindow");
            Objects.requireNonNull(tlsTimeout, "tlsTimeout");
        }

        public static SessionTimings defaults() {
            return new SessionTimings(SessionSettings.DEFAULT_TLS_MTU, SessionSettings.DEFAULT_HAND_WINDOW,
                    SessionSettings.DEFAULT_TRANSITION_WINDOW, Duration.ofSeconds(2));
        }
    }
}
