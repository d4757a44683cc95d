package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.ConnectionBlock;
import io.sluice.config.DevType;
import io.sluice.config.Mode;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.Proto;
import io.sluice.config.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Refuses combinations of options that OpenVPN 2.6's option verification refuses and that can be
 * judged without a running system (it does not require a {@code dev} or key material to be
 * present: a profile may be inspected before it is complete). Each error names one offending
 * option line and, for a conflict, where the other option is.
 */
public final class ConsistencyCheck {

    private static final List<String> SERVER_ONLY = List.of("ifconfig-pool", "ifconfig-pool-persist",
            "ifconfig-ipv6-pool", "hash-size", "learn-address", "client-connect", "client-crresponse",
            "client-disconnect", "client-config-dir", "ccd-exclusive", "client-to-client", "duplicate-cn",
            "connect-freq", "username-as-common-name", "auth-user-pass-optional", "opt-verify",
            "auth-user-pass-verify", "auth-gen-token", "port-share", "stale-routes-check", "vlan-tagging",
            "force-tls-key-material-export");

    private static final List<String> TLS_ONLY = List.of("ca", "capath", "dh", "cert", "key", "pkcs12", "tls-cipher",
            "tls-ciphersuites", "tls-cert-profile", "tls-verify", "tls-export-cert", "verify-x509-name",
            "tls-timeout", "reneg-bytes", "reneg-pkts", "reneg-sec", "hand-window", "tran-window", "tls-auth",
            "tls-crypt", "tls-crypt-v2", "single-session", "push-peer-info", "tls-exit", "crl-verify",
            "ns-cert-type", "remote-cert-ku", "remote-cert-eku", "remote-cert-tls", "pkcs11-providers",
            "pkcs11-private-mode", "pkcs11-id", "pkcs11-id-management", "pull");

    private final Lines lines;
    private final OpenVpnConfig config;
    private final List<String> warnings = new ArrayList<>();

    private ConsistencyCheck(OpenVpnConfig config) {
        this.config = config;
        this.lines = new Lines(config.lines());
    }

    /**
     * Checks a freshly parsed configuration.
     *
     * @return warnings about options OpenVPN accepts but ignores in this combination
     * @throws ConfigException on the first contradiction, in the order OpenVPN checks them
     */
    public static List<String> verify(OpenVpnConfig config) throws ConfigException {
        ConsistencyCheck c = new ConsistencyCheck(config);
        c.run();
        return List.copyOf(c.warnings);
    }

    private Optional<OptionLine> last(String name) {
        return lines.last(name);
    }

    private boolean has(String name) {
        return lines.has(name);
    }

    /** The later of two present lines, reported as conflicting with the earlier one. */
    private ConfigException conflict(OptionLine a, OptionLine b) {
        OptionLine later = later(a, b);
        OptionLine earlier = later == a ? b : a;
        return ConfigException.at(later, "cannot be used together with '" + earlier.name() + "' ("
                + earlier.location() + ")");
    }

    private OptionLine later(OptionLine a, OptionLine b) {
        return order(a) >= order(b) ? a : b;
    }

    /** Processing order: the position in the flattened line list (connection contents count as their block). */
    private long order(OptionLine l) {
        int i = config.lines().indexOf(l);
        if (i >= 0) {
            return i;
        }
        for (ConnectionBlock b : config.connectionBlocks()) {
            if (b.options().contains(l)) {
                return config.lines().indexOf(b.line());
            }
        }
        return -1;
    }

    private void conflictIfBoth(String a, String b) throws ConfigException {
        if (has(a) && has(b)) {
            throw conflict(lineOf(a), lineOf(b));
        }
    }

    /** The last line of an option; where both appear, the conflict is reported at the later one. */
    private OptionLine lineOf(String name) {
        List<OptionLine> all = config.all(name);
        return all.get(all.size() - 1);
    }

    private void run() throws ConfigException {
        Mode mode = config.mode();
        DevType dev = config.device().type();
        tlsRoles();
        if (has("client") && last("mode").filter(l -> l.args().get(0).equals("server")).isPresent()) {
            throw conflict(lineOf("client"), lineOf("mode"));
        }
        conflictIfBoth("tun-mtu", "link-mtu");
        if (has("lladdr") && dev != DevType.TAP) {
            throw ConfigException.at(lineOf("lladdr"), "can only be used with 'dev tap'");
        }
        nobind();
        if (has("ifconfig")) {
            OptionLine l = lineOf("ifconfig");
            if (l.args().get(0).equals(l.args().get(1))) {
                throw ConfigException.at(l, "local and remote/netmask addresses must be different");
            }
        }
        protocols(mode);
        if (mode == Mode.SERVER) {
            serverMode(dev);
        } else {
            for (String name : SERVER_ONLY) {
                if (has(name)) {
                    throw ConfigException.at(lineOf(name), "requires 'mode server' (or the 'server' helper)");
                }
            }
            Optional<OptionLine> vcc = last("verify-client-cert");
            if (vcc.isPresent() && !vcc.get().arg(0).orElse("require").equals("require")) {
                throw ConfigException.at(vcc.get(), "requires 'mode server' (or the 'server' helper)");
            }
        }
        if (has("no-replay") && has("replay-window")) {
            throw conflict(lineOf("no-replay"), lineOf("replay-window"));
        }
        keepalive();
        tlsMaterial(mode);
        management();
        if (has("auth-user-pass") && !has("pull") && !has("client")) {
            throw ConfigException.at(lineOf("auth-user-pass"), "requires 'pull' (or the 'client' helper)");
        }
        if (has("dh") && config.controlChannel().role() == io.sluice.config.TlsRole.CLIENT) {
            warnings.add(ConfigException.at(lineOf("dh"), "ignored in tls-client mode; only a server needs it")
                    .getMessage());
        }
        if (has("explicit-exit-notify") && config.transport().proto().isTcp() && config.transport().connections()
                .stream().allMatch(c -> c.proto().isTcp())) {
            warnings.add(ConfigException.at(lineOf("explicit-exit-notify"), "ignored with a TCP protocol").getMessage());
        }
    }

    private void tlsRoles() throws ConfigException {
        List<OptionLine> roles = new ArrayList<>();
        for (String name : List.of("tls-server", "server", "server-ipv6", "server-bridge")) {
            last(name).ifPresent(roles::add);
        }
        OptionLine serverSide = roles.stream().max(Comparator.comparingLong(this::order)).orElse(null);
        OptionLine clientSide = last("tls-client").or(() -> last("client")).orElse(null);
        OptionLine secret = last("secret").orElse(null);
        if (serverSide != null && clientSide != null) {
            throw conflict(serverSide, clientSide);
        }
        OptionLine tls = serverSide != null ? serverSide : clientSide;
        if (tls != null && secret != null) {
            throw conflict(tls, secret);
        }
    }

    private void nobind() throws ConfigException {
        if (!has("nobind")) {
            return;
        }
        OptionLine nobind = lineOf("nobind");
        for (String other : List.of("bind", "local", "lport")) {
            if (has(other)) {
                throw conflict(nobind, lineOf(other));
            }
        }
        if (!has("remote") && config.connectionBlocks().isEmpty()) {
            throw ConfigException.at(nobind, "makes no sense without 'remote'");
        }
    }

    private void protocols(Mode mode) throws ConfigException {
        boolean resolvesTcp = ModelBuilder.helperServer(lines) || has("client");
        List<OptionLine> protoLines = new ArrayList<>(config.all("proto"));
        protoLines.addAll(config.all("remote").stream().filter(l -> l.argCount() == 3).toList());
        for (ConnectionBlock b : config.connectionBlocks()) {
            for (OptionLine l : b.options()) {
                if (l.name().equals("proto") || (l.name().equals("remote") && l.argCount() == 3)) {
                    protoLines.add(l);
                }
            }
        }
        for (OptionLine l : protoLines) {
            Proto p = Proto.fromKeyword(l.args().get(l.name().equals("proto") ? 0 : 2)).orElseThrow();
            if (mode == Mode.CLIENT && p.isTcpServer()) {
                throw ConfigException.at(l, "'" + p.keyword() + "' cannot be used in client mode (use tcp-client or tcp)");
            }
            if (mode == Mode.SERVER && p.isTcpClient()) {
                throw ConfigException.at(l, "'" + p.keyword() + "' cannot be used in server mode: a server supports"
                        + " udp, tcp-server, tcp4-server or tcp6-server");
            }
            if (!resolvesTcp && !p.isUdp() && !p.isTcpClient() && !p.isTcpServer()) {
                throw ConfigException.at(l, "'" + p.keyword() + "' is ambiguous here; use " + p.keyword()
                        + "-server or " + p.keyword() + "-client");
            }
        }
        boolean anyUdp = config.transport().connections().isEmpty() ? config.transport().proto().isUdp()
                : config.transport().connections().stream().anyMatch(c -> c.proto().isUdp());
        if (has("fragment") && !anyUdp) {
            throw ConfigException.at(lineOf("fragment"), "can only be used with a UDP protocol");
        }
        if (has("mtu-test") && !anyUdp) {
            throw ConfigException.at(lineOf("mtu-test"), "can only be used with a UDP protocol");
        }
        conflictIfBoth("http-proxy", "socks-proxy");
        if (has("http-proxy")) {
            boolean tcpClient = config.transport().connections().isEmpty()
                    ? config.transport().proto().resolveTcp(false).isTcpClient()
                    : config.transport().connections().stream().allMatch(c -> c.proto().resolveTcp(false).isTcpClient());
            if (!tcpClient) {
                throw ConfigException.at(lineOf("http-proxy"), "requires a TCP client protocol (proto tcp-client)");
            }
        }
        if (has("tls-version-min") && has("tls-version-max")) {
            OptionLine min = lineOf("tls-version-min");
            OptionLine max = lineOf("tls-version-max");
            if (min.argCount() == 1 && min.args().get(0).compareTo(max.args().get(0)) > 0) {
                throw conflict(min, max);
            }
        }
    }

    private void serverMode(DevType dev) throws ConfigException {
        OptionLine why = last("server").or(() -> last("server-bridge")).or(() -> last("server-ipv6"))
                .or(() -> last("mode")).orElseThrow();
        if (has("pull")) {
            throw conflict(lineOf("pull"), why);
        }
        if (has("dev") && dev != DevType.TUN && dev != DevType.TAP) {
            throw ConfigException.at(lineOf("dev"), "a server needs 'dev tun' or 'dev tap'");
        }
        if (!ModelBuilder.helperServer(lines) && !has("tls-server")) {
            throw ConfigException.at(why, "'mode server' requires 'tls-server'");
        }
        for (String name : List.of("remote", "nobind", "http-proxy", "socks-proxy", "shaper", "ipchange",
                "redirect-gateway", "redirect-private", "route-delay", "up-delay", "allow-recursive-routing",
                "auth-user-pass")) {
            if (has(name)) {
                String hint = name.startsWith("redirect") ? " (push \"" + name + " ...\" is fine)" : "";
                throw ConfigException.at(lineOf(name), "cannot be used in server mode (" + why.location() + ")" + hint);
            }
        }
        if (!config.connectionBlocks().isEmpty()) {
            throw ConfigException.at(config.connectionBlocks().get(0).line(), "cannot be used in server mode ("
                    + why.location() + ")");
        }
        Topology topology = config.network().topology();
        Optional<OptionLine> pool = last("ifconfig-pool");
        if (pool.isPresent() && pool.get().argCount() == 3 && !(dev == DevType.TAP
                || (dev == DevType.TUN && topology == Topology.SUBNET))) {
            throw ConfigException.at(pool.get(), "the netmask argument is only valid with 'dev tap' or 'topology subnet'");
        }
        if (has("ifconfig-pool-persist") && config.network().ifconfigPool().isEmpty()
                && config.network().ifconfigIpv6Pool().isEmpty()) {
            throw ConfigException.at(lineOf("ifconfig-pool-persist"), "needs an address pool (ifconfig-pool,"
                    + " ifconfig-ipv6-pool or the server helpers)");
        }
        if (config.network().ifconfigIpv6Pool().isPresent() && config.network().ifconfigIpv6().isEmpty()) {
            throw ConfigException.at(lineOf("ifconfig-ipv6-pool"), "needs 'ifconfig-ipv6'");
        }
        if (has("ccd-exclusive") && !has("client-config-dir")) {
            throw ConfigException.at(lineOf("ccd-exclusive"), "requires 'client-config-dir'");
        }
        boolean clientAuth = has("auth-user-pass-verify") || has("plugin") || has("management-client-auth");
        Optional<OptionLine> vcc = last("verify-client-cert");
        if (vcc.isPresent() && !vcc.get().arg(0).orElse("require").equals("require") && !clientAuth) {
            throw ConfigException.at(vcc.get(), "needs auth-user-pass-verify, a plugin or management-client-auth");
        }
        for (String name : List.of("username-as-common-name", "auth-user-pass-optional")) {
            if (has(name) && !clientAuth) {
                throw ConfigException.at(lineOf(name), "needs auth-user-pass-verify, a plugin or management-client-auth");
            }
        }
        if (has("vlan-tagging") && dev != DevType.TAP) {
            throw ConfigException.at(lineOf("vlan-tagging"), "requires 'dev tap'");
        }
        for (String name : List.of("vlan-accept", "vlan-pvid")) {
            if (has(name) && !has("vlan-tagging")) {
                throw ConfigException.at(lineOf(name), "requires 'vlan-tagging'");
            }
        }
        if (has("port-share") && !config.transport().proto().resolveTcp(true).isTcpServer()) {
            throw ConfigException.at(lineOf("port-share"), "only works with a TCP server protocol");
        }
        if (has("connect-freq") && !config.transport().proto().isUdp()) {
            throw ConfigException.at(lineOf("connect-freq"), "only works with a UDP server; try max-clients");
        }
    }

    private void keepalive() throws ConfigException {
        Optional<OptionLine> k = last("keepalive");
        if (k.isEmpty()) {
            return;
        }
        OptionLine l = k.get();
        long interval = Long.parseLong(l.args().get(0));
        long timeout = Long.parseLong(l.args().get(1));
        if (interval <= 0 || timeout <= 0) {
            throw ConfigException.at(l, "both parameters must be greater than 0");
        }
        if (interval * 2 > timeout) {
            throw ConfigException.at(l, "the restart timeout (" + timeout + ") must be at least twice the ping interval ("
                    + interval + "); 'keepalive 10 60' is the recommended setting");
        }
        for (String other : List.of("ping", "ping-restart", "ping-exit")) {
            if (has(other)) {
                throw conflict(l, lineOf(other));
            }
        }
    }

    private void tlsMaterial(Mode mode) throws ConfigException {
        boolean tls = config.controlChannel().role() != io.sluice.config.TlsRole.NONE;
        if (!tls) {
            for (String name : TLS_ONLY) {
                // --genkey tls-crypt-v2-client reads its server key from --tls-crypt-v2, outside TLS mode.
                boolean genkeyInput = name.equals("tls-crypt-v2") && has("genkey");
                if (has(name) && !genkeyInput) {
                    throw ConfigException.at(lineOf(name), "can only be used in TLS mode (with tls-server, tls-client,"
                            + " server or client)");
                }
            }
            return;
        }
        conflictIfBoth("tls-auth", "tls-crypt");
        for (ConnectionBlock b : config.connectionBlocks()) {
            Lines scope = new Lines(b.options());
            if (scope.has("tls-auth") && scope.has("tls-crypt")) {
                throw conflict(scope.last("tls-auth").get(), scope.last("tls-crypt").get());
            }
        }
        if (config.controlChannel().role() == io.sluice.config.TlsRole.CLIENT && has("tls-crypt-v2")) {
            for (String other : List.of("tls-auth", "tls-crypt")) {
                if (has(other)) {
                    throw conflict(lineOf("tls-crypt-v2"), lineOf(other));
                }
            }
        }
        conflictIfBoth("peer-fingerprint", "verify-hash");
        for (String other : List.of("cert", "key", "capath")) {
            if (has("pkcs12") && has(other)) {
                throw conflict(lineOf(other), lineOf("pkcs12"));
            }
        }
        if (mode == Mode.CLIENT && !has("pkcs12") && has("cert") != has("key")
                && !has("management-external-key") && !has("management-external-cert")) {
            OptionLine one = has("cert") ? lineOf("cert") : lineOf("key");
            throw ConfigException.at(one, "cert and key must be used together");
        }
        if (has("management-external-key") && has("key")) {
            throw conflict(lineOf("key"), lineOf("management-external-key"));
        }
        if (has("management-external-cert") && has("cert")) {
            throw conflict(lineOf("cert"), lineOf("management-external-cert"));
        }
    }

    private void management() throws ConfigException {
        if (!has("management")) {
            for (OptionLine l : lines.list()) {
                if (l.name().startsWith("management-")) {
                    throw ConfigException.at(l, "requires 'management'");
                }
            }
            return;
        }
        boolean unix = lineOf("management").args().get(1).equals("unix");
        for (String name : List.of("management-client-user", "management-client-group")) {
            if (has(name) && !unix) {
                throw ConfigException.at(lineOf(name), "can only be used with a unix-socket 'management'");
            }
        }
    }
}
