package io.sluice.core.events;

import io.sluice.config.Connection;
import io.sluice.config.Mode;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Transport;
import io.sluice.core.pushed.SetenvSafe;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The script variables OpenVPN 2.6 sets, as pure functions of the facts they describe. Each
 * returns the variables in the order OpenVPN sets them; {@link ScriptEnvironment} collects them.
 * Names and value formats are OpenVPN's exactly: IPv4 addresses dotted (netmasks too), IPv6
 * addresses as {@code inet_ntop} writes them, prefix lengths and counters as decimal numbers.
 */
public final class Environments {

    /** options.c: {@code setenv} names that, written without a value, are settings, not variables. */
    private static final Set<String> SETENV_SETTINGS = Set.of("REMOTE_RANDOM_HOSTNAME", "PUSH_PEER_INFO");
    private static final DateTimeFormatter TIME_ASCII = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Environments() {
    }

    /**
     * What an instance sets once at start (options.c {@code setenv_settings}, and the
     * {@code setenv} and {@code setenv-safe} lines as they are read): {@code config} (the first
     * {@code --config} file as named), {@code verb}, {@code daemon}, {@code daemon_log_redirect},
     * {@code daemon_start_time}, {@code daemon_pid}, and per connection entry {@code proto_N},
     * {@code local_N}, {@code local_port_N} (only when it binds), {@code remote_N},
     * {@code remote_port_N}; a server has one entry, without {@code remote_1}.
     *
     * @param pid     the process id ({@code ProcessHandle.current().pid()})
     * @param started when the instance started
     */
    public static Map<String, String> instance(OpenVpnConfig config, long pid, Instant started) {
        Map<String, String> env = new LinkedHashMap<>();
        for (OptionLine line : config.lines()) {
            if (line.setenvOpt() || line.args().isEmpty()) {
                continue;
            }
            String name = line.args().get(0);
            String value = line.arg(1).orElse("");
            if (line.name().equals("setenv")) {
                // options.c: these set options instead (GENERIC_CONFIG never gets past the parser)
                boolean setting = (SETENV_SETTINGS.contains(name) && line.argCount() == 1)
                        || (name.equals("SERVER_POLL_TIMEOUT") && line.argCount() == 2);
                if (!setting) {
                    env.put(name, value);
                }
            } else if (line.name().equals("setenv-safe")) {
                env.put(SetenvSafe.PREFIX + name, value);
            }
        }
        List<OptionLine> configs = config.all("config");
        if (!configs.isEmpty() && configs.get(0).argCount() > 0) {
            env.put("config", configs.get(0).args().get(0));
        }
        env.put("verb", Integer.toString(config.verb()));
        env.put("daemon", config.has("daemon") ? "1" : "0");
        env.put("daemon_log_redirect", config.has("log") || config.has("log-append") ? "1" : "0");
        env.put("daemon_start_time", Long.toString(started.getEpochSecond()));
        env.put("daemon_pid", Long.toString(pid));
        Transport t = config.transport();
        if (t.connections().isEmpty()) {
            String proto = t.proto().resolveTcp(config.mode() == Mode.SERVER).keyword();
            connection(env, 1, proto, t.local(), t.bind() ? Optional.of(t.localPort()) : Optional.empty(),
                    Optional.empty(), t.remotePort());
        } else {
            int i = 1;
            for (Connection c : t.connections()) {
                connection(env, i++, c.proto().keyword(), c.local(),
                        c.bind() ? Optional.of(c.localPort()) : Optional.empty(), Optional.of(c.host()), c.port());
            }
        }
        return env;
    }

    /** options.c {@code setenv_connection_entry}. */
    private static void connection(Map<String, String> env, int i, String proto, Optional<String> local,
                                   Optional<Integer> localPort, Optional<String> remote, int remotePort) {
        env.put("proto_" + i, proto);
        local.ifPresent(l -> env.put("local_" + i, l));
        localPort.ifPresent(p -> env.put("local_port_" + i, Integer.toString(p)));
        remote.ifPresent(r -> env.put("remote_" + i, r));
        env.put("remote_port_" + i, Integer.toString(remotePort));
    }

    /**
     * The device (tun.c {@code do_ifconfig_setenv}; init.c {@code run_up_down}): {@code dev},
     * {@code dev_type} ({@code tun}/{@code tap}), {@code tun_mtu}; with an IPv4 address
     * {@code ifconfig_local} and {@code ifconfig_remote} (tun, net30/p2p) or
     * {@code ifconfig_netmask} (subnet, tap); with an IPv6 address {@code ifconfig_ipv6_local},
     * {@code ifconfig_ipv6_netbits} and {@code ifconfig_ipv6_remote}.
     */
    public static Map<String, String> device(DeviceFacts device) {
        Map<String, String> env = new LinkedHashMap<>();
        if (device.local().isPresent()) {
            env.put("ifconfig_local", text(device.local().get()));
            env.put(device.pointToPoint() ? "ifconfig_remote" : "ifconfig_netmask",
                    text(device.remoteOrNetmask().get()));
        }
        if (device.localIpv6().isPresent()) {
            env.put("ifconfig_ipv6_local", text(device.localIpv6().get()));
            env.put("ifconfig_ipv6_netbits", Integer.toString(device.ipv6Bits()));
            env.put("ifconfig_ipv6_remote", device.remoteIpv6().map(Environments::text).orElse("::"));
        }
        env.put("tun_mtu", Integer.toString(device.mtu()));
        env.put("dev", device.name());
        env.put("dev_type", device.type().name().toLowerCase(Locale.ROOT));
        return env;
    }

    /**
     * The routes (route.c {@code init_route_list}, {@code setenv_routes}, {@code setenv_routes_ipv6}):
     * {@code route_net_gateway}, {@code route_vpn_gateway}, {@code route_network_N},
     * {@code route_netmask_N}, {@code route_gateway_N}, {@code route_metric_N},
     * {@code net_gateway_ipv6}, {@code route_ipv6_network_N} ({@code net/bits}),
     * {@code route_ipv6_gateway_N}, {@code route_ipv6_metric_N}.
     */
    public static Map<String, String> routes(RouteFacts routes) {
        Map<String, String> env = new LinkedHashMap<>();
        routes.netGateway().ifPresent(g -> env.put("route_net_gateway", text(g)));
        routes.vpnGateway().ifPresent(g -> env.put("route_vpn_gateway", text(g)));
        int i = 1;
        for (RouteFacts.Ipv4Route r : routes.ipv4()) {
            env.put("route_network_" + i, text(r.network()));
            env.put("route_netmask_" + i, text(r.netmask()));
            env.put("route_gateway_" + i, text(r.gateway()));
            int n = i;
            r.metric().ifPresent(m -> env.put("route_metric_" + n, Integer.toString(m)));
            i++;
        }
        routes.netGatewayIpv6().ifPresent(g -> env.put("net_gateway_ipv6", text(g)));
        i = 1;
        for (RouteFacts.Ipv6Route r : routes.ipv6()) {
            env.put("route_ipv6_network_" + i, text(r.network()) + "/" + r.prefixLength());
            env.put("route_ipv6_gateway_" + i, text(r.gateway()));
            int n = i;
            r.metric().ifPresent(m -> env.put("route_ipv6_metric_" + n, Integer.toString(m)));
            i++;
        }
        return env;
    }

    /**
     * {@code foreign_option_1} ... : what the server pushed that OpenVPN on Linux does not apply
     * itself, {@code dhcp-option} lines as written ({@code dhcp-option DNS 10.8.0.1}); use
     * {@code DnsPlan.foreignOptions()}, which already folds in {@code dns} options as OpenVPN does.
     */
    public static Map<String, String> foreignOptions(List<String> options) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 1;
        for (String o : options) {
            env.put("foreign_option_" + i++, o);
        }
        return env;
    }

    /** Pushed {@code setenv-safe name value}: {@code OPENVPN_name}. */
    public static Map<String, String> setenvSafe(List<SetenvSafe> pushed) {
        Map<String, String> env = new LinkedHashMap<>();
        pushed.forEach(s -> env.put(s.variableName(), s.value()));
        return env;
    }

    /**
     * The authenticated peer's address (socket.c {@code setenv_trusted}): {@code trusted_ip} (or
     * {@code trusted_ip6}) and {@code trusted_port}.
     */
    public static Map<String, String> trusted(InetSocketAddress peer) {
        return socketAddress("trusted", peer);
    }

    /** The address of a peer still being verified (ssl_verify.c {@code setenv_untrusted}). */
    public static Map<String, String> untrusted(InetSocketAddress peer) {
        return socketAddress("untrusted", peer);
    }

    /** socket.c {@code setenv_sockaddr} with {@code SA_IP_PORT}. */
    private static Map<String, String> socketAddress(String prefix, InetSocketAddress address) {
        Map<String, String> env = new LinkedHashMap<>();
        InetAddress a = address.getAddress();
        env.put(prefix + (a instanceof Inet6Address ? "_ip6" : "_ip"), text(a));
        if (address.getPort() != 0) {
            env.put(prefix + "_port", Integer.toString(address.getPort()));
        }
        return env;
    }

    /**
     * The peer's certificates, {@code X509_N_*}, {@code tls_id_N}, {@code tls_digest_N},
     * {@code tls_digest_sha256_N}, {@code tls_serial_N}, {@code tls_serial_hex_N}; see
     * {@link CertificateEnvironment}.
     */
    public static Map<String, String> certificates(List<X509Certificate> chain) {
        return CertificateEnvironment.of(chain);
    }

    /**
     * Everything a peer's verification leaves (ssl_verify.c, socket.c
     * {@code link_socket_connection_initiated}): untrusted address, certificates, {@code common_name},
     * trusted address.
     */
    public static Map<String, String> peer(PeerFacts peer) {
        Map<String, String> env = new LinkedHashMap<>(untrusted(peer.address()));
        env.putAll(certificates(peer.chain()));
        env.put("common_name", peer.commonName());
        env.putAll(trusted(peer.address()));
        return env;
    }

    /**
     * A client's tunnel addresses on the server (multi.c {@code multi_set_virtual_addr_env}):
     * {@code ifconfig_pool_remote_ip}, {@code ifconfig_pool_netmask} or
     * {@code ifconfig_pool_local_ip}, {@code ifconfig_pool_remote_ip6},
     * {@code ifconfig_pool_local_ip6}, {@code ifconfig_pool_ip6_netbits}; unspecified addresses
     * ({@code 0.0.0.0}, {@code ::}) are left out.
     */
    public static Map<String, String> pool(PoolAddresses a) {
        Map<String, String> env = new LinkedHashMap<>();
        if (a.ipv4().isPresent()) {
            a.ipv4().filter(x -> !x.isAnyLocalAddress()).ifPresent(x -> env.put("ifconfig_pool_remote_ip", text(x)));
            a.ipv4Peer().filter(x -> !x.isAnyLocalAddress()).ifPresent(x -> env.put(
                    a.peerIsNetmask() ? "ifconfig_pool_netmask" : "ifconfig_pool_local_ip", text(x)));
        }
        if (a.ipv6().isPresent()) {
            a.ipv6().filter(x -> !x.isAnyLocalAddress()).ifPresent(x -> env.put("ifconfig_pool_remote_ip6", text(x)));
            a.ipv6Local().filter(x -> !x.isAnyLocalAddress())
                    .ifPresent(x -> env.put("ifconfig_pool_local_ip6", text(x)));
            env.put("ifconfig_pool_ip6_netbits", Integer.toString(a.ipv6Bits()));
        }
        return env;
    }

    /**
     * When a client connected (multi.c {@code multi_client_connect_setenv}): {@code time_ascii}
     * ({@code 2026-11-22 04:31:16}, local time) and {@code time_unix}.
     */
    public static Map<String, String> connectTime(Instant connected, ZoneId zone) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("time_ascii", TIME_ASCII.format(connected.atZone(zone)));
        env.put("time_unix", Long.toString(connected.getEpochSecond()));
        return env;
    }

    /**
     * Everything {@code client-connect} adds to a client's variables, in OpenVPN's order: the
     * verified peer, {@code IV_*}/{@code UV_*} peer info, {@code username}, tunnel addresses,
     * connection time.
     */
    public static Map<String, String> clientConnect(ConnectFacts facts) {
        Map<String, String> env = new LinkedHashMap<>(untrusted(facts.peer().address()));
        env.putAll(certificates(facts.peer().chain()));
        env.putAll(facts.peerInfo());
        facts.username().ifPresent(u -> env.put("username", u));
        env.put("common_name", facts.peer().commonName());
        env.putAll(trusted(facts.peer().address()));
        env.putAll(pool(facts.addresses()));
        env.putAll(connectTime(facts.connectedAt(), facts.zone()));
        return env;
    }

    /**
     * At the end of a client's session (multi.c {@code multi_client_disconnect_setenv}):
     * {@code trusted_ip}/{@code trusted_port}, {@code bytes_received}, {@code bytes_sent},
     * {@code time_duration}.
     */
    public static Map<String, String> clientDisconnect(DisconnectFacts facts) {
        Map<String, String> env = new LinkedHashMap<>(trusted(facts.address()));
        env.put("bytes_received", Long.toUnsignedString(facts.bytesReceived()));
        env.put("bytes_sent", Long.toUnsignedString(facts.bytesSent()));
        env.put("time_duration", Long.toString(facts.duration().getSeconds()));
        return env;
    }

    /** An address as OpenVPN prints it for scripts. */
    static String text(InetAddress a) {
        return ScriptArguments.text(a);
    }
}
