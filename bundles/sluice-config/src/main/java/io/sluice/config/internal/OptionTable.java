package io.sluice.config.internal;

import static io.sluice.config.internal.ArgTypes.ANY;
import static io.sluice.config.internal.ArgTypes.CIPHER;
import static io.sluice.config.internal.ArgTypes.CIPHER_LIST;
import static io.sluice.config.internal.ArgTypes.DIGEST;
import static io.sluice.config.internal.ArgTypes.HEX;
import static io.sluice.config.internal.ArgTypes.HOST;
import static io.sluice.config.internal.ArgTypes.INT;
import static io.sluice.config.internal.ArgTypes.IPV4;
import static io.sluice.config.internal.ArgTypes.IPV6;
import static io.sluice.config.internal.ArgTypes.IPV6_NET;
import static io.sluice.config.internal.ArgTypes.IPV6_POOL_NET;
import static io.sluice.config.internal.ArgTypes.KEY_DIRECTION;
import static io.sluice.config.internal.ArgTypes.LONG;
import static io.sluice.config.internal.ArgTypes.MAC;
import static io.sluice.config.internal.ArgTypes.NON_EMPTY;
import static io.sluice.config.internal.ArgTypes.PORT;
import static io.sluice.config.internal.ArgTypes.PROTO;
import static io.sluice.config.internal.ArgTypes.SIGNED_INT;
import static io.sluice.config.internal.ArgTypes.TLS_VERSION;
import static io.sluice.config.internal.ArgTypes.intOr;
import static io.sluice.config.internal.ArgTypes.oneOf;
import static io.sluice.config.internal.ArgTypes.range;
import static io.sluice.config.internal.Impl.DONE;
import static io.sluice.config.internal.Impl.TODO;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every option OpenVPN 2.6 knows: argument counts and types as OpenVPN's option parser checks
 * them (Sluice is stricter on numbers: OpenVPN reads "abc" as 0, Sluice refuses it), whether it
 * may be inline or inside {@code <connection>}, how OpenVPN 2.6 treats deprecated and removed
 * options, and whether Sluice implements it yet. Windows-only and build-dependent options are
 * included: a profile written for another platform must still import.
 *
 * <p>The table is immutable and built once per class load; it holds no per-parse state.
 */
public final class OptionTable {

    private static final Map<String, OptionSpec> TABLE = build();

    private OptionTable() {
    }

    /** The spec for an option name, or empty if OpenVPN 2.6 does not know it. */
    public static Optional<OptionSpec> lookup(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /** Every spec, in table order. */
    public static Collection<OptionSpec> all() {
        return Collections.unmodifiableCollection(TABLE.values());
    }

    /** A row under construction. */
    private static final class Row {
        final String name;
        final Impl impl;
        final int min;
        final int max;
        final List<ArgType> types;
        boolean inline;
        boolean inlineOnly;
        boolean connection;
        Status status = Status.CURRENT;
        String note;
        LineCheck check;

        Row(Impl impl, String name, int min, int max, ArgType... types) {
            this.impl = impl;
            this.name = name;
            this.min = min;
            this.max = max;
            this.types = List.of(types);
        }

        Row inline() {
            inline = true;
            return this;
        }

        Row inlineOnly() {
            inline = true;
            inlineOnly = true;
            return this;
        }

        Row conn() {
            connection = true;
            return this;
        }

        Row deprecated(String why) {
            status = Status.DEPRECATED;
            note = why;
            return this;
        }

        Row ignored(String why) {
            status = Status.IGNORED;
            note = why;
            return this;
        }

        /** An option OpenVPN 2.7 added, which Sluice reads as 2.7 does. */
        Row since27() {
            status = Status.OPENVPN_2_7;
            return this;
        }

        Row check(LineCheck c) {
            check = c;
            return this;
        }

        OptionSpec spec() {
            return new OptionSpec(name, impl, min, max, types, inline, inlineOnly, connection, status, note, check);
        }
    }

    private static Map<String, OptionSpec> build() {
        List<Row> rows = new ArrayList<>();
        // ---- the configuration language itself (implemented) ----
        rows.add(new Row(DONE, "config", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "cd", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "setenv", 1, 2).check(OptionTable::setenvProblem));
        rows.add(new Row(DONE, "setenv-safe", 1, 2));
        rows.add(new Row(DONE, "ignore-unknown-option", 1, 15, NON_EMPTY));
        rows.add(new Row(DONE, "key-direction", 1, 1, KEY_DIRECTION).conn());
        rows.add(new Row(DONE, "verb", 1, 1, INT));

        // ---- standalone operations ----
        rows.add(new Row(TODO, "help", 0, 0));
        rows.add(new Row(TODO, "version", 0, 0));
        rows.add(new Row(TODO, "show-gateway", 0, 1, IPV6_NET));
        rows.add(new Row(DONE, "show-ciphers", 0, 0));
        rows.add(new Row(DONE, "show-digests", 0, 0));
        rows.add(new Row(TODO, "show-engines", 0, 0));
        rows.add(new Row(DONE, "show-tls", 0, 0));
        rows.add(new Row(TODO, "show-curves", 0, 0));
        rows.add(new Row(TODO, "show-groups", 0, 0));
        rows.add(new Row(DONE, "genkey", 0, 3, oneOf("key type", "secret", "tls-auth", "tls-crypt",
                "tls-crypt-v2-server", "tls-crypt-v2-client", "auth-token"), ANY));
        rows.add(new Row(DONE, "test-crypto", 0, 0));
        rows.add(new Row(TODO, "mktun", 0, 0));
        rows.add(new Row(TODO, "rmtun", 0, 0));

        // ---- messages and management ----
        rows.add(new Row(TODO, "echo", 0, 15));
        rows.add(new Row(TODO, "parameter", 0, 15));
        rows.add(new Row(TODO, "management", 2, 3, ANY, ANY, ANY));
        rows.add(new Row(TODO, "management-client-user", 1, 1));
        rows.add(new Row(TODO, "management-client-group", 1, 1));
        for (String flag : List.of("management-query-passwords", "management-query-remote",
                "management-query-proxy", "management-hold", "management-signal",
                "management-forget-disconnect", "management-up-down", "management-client",
                "management-client-auth")) {
            rows.add(new Row(TODO, flag, 0, 0));
        }
        rows.add(new Row(TODO, "management-external-key", 0, 15,
                oneOf("management-external-key flag", "nopadding", "pkcs1", "pss", "digest")));
        rows.add(new Row(TODO, "management-external-cert", 1, 1));
        rows.add(new Row(TODO, "management-log-cache", 1, 1, range(1, Integer.MAX_VALUE)));
        rows.add(new Row(TODO, "http-proxy-override", 2, 3, HOST, PORT, ANY));
        rows.add(new Row(DONE, "plugin", 1, 15));

        // ---- mode and device ----
        rows.add(new Row(DONE, "mode", 1, 1, oneOf("mode", "p2p", "server")));
        rows.add(new Row(DONE, "dev", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "dev-type", 1, 1, oneOf("device type", "tun", "tap", "null")));
        rows.add(new Row(TODO, "windows-driver", 1, 1, oneOf("Windows driver", "tap-windows6", "wintun", "ovpn-dco")));
        rows.add(new Row(TODO, "disable-dco", 0, 0));
        rows.add(new Row(TODO, "dev-node", 1, 1));
        rows.add(new Row(TODO, "lladdr", 1, 1, MAC));
        rows.add(new Row(DONE, "topology", 1, 1, oneOf("topology", "net30", "p2p", "subnet")));
        rows.add(new Row(TODO, "tun-ipv6", 0, 0).ignored("ignored: modern systems need no special IPv6 tun handling"));
        rows.add(new Row(TODO, "iproute", 1, 1));
        rows.add(new Row(DONE, "ifconfig", 2, 2, HOST, HOST));
        rows.add(new Row(DONE, "ifconfig-ipv6", 2, 2, ArgTypes.IPV6_NET, IPV6).check(OptionTable::ifconfigIpv6Problem));
        rows.add(new Row(DONE, "ifconfig-noexec", 0, 0));
        rows.add(new Row(TODO, "ifconfig-nowarn", 0, 0));
        rows.add(new Row(TODO, "txqueuelen", 1, 1, INT));
        rows.add(new Row(DONE, "tun-mtu", 1, 2, INT, INT).conn());
        rows.add(new Row(TODO, "tun-mtu-max", 1, 2, range(68, 65536), ANY).conn());
        rows.add(new Row(TODO, "tun-mtu-extra", 1, 1, INT).conn());
        rows.add(new Row(TODO, "link-mtu", 1, 1, INT).conn());
        rows.add(new Row(TODO, "udp-mtu", 1, 1, INT).conn());
        rows.add(new Row(TODO, "max-packet-size", 1, 1, INT).conn());
        rows.add(new Row(TODO, "fragment", 1, 2, range(68, Integer.MAX_VALUE), oneOf("fragment flag", "mtu")).conn());
        rows.add(new Row(TODO, "mssfix", 0, 2, INT, oneOf("mssfix flag", "mtu", "fixed")).conn());
        rows.add(new Row(TODO, "mtu-disc", 1, 1, oneOf("mtu-disc type", "yes", "maybe", "no")).conn());
        rows.add(new Row(TODO, "mtu-test", 0, 0));
        rows.add(new Row(TODO, "vlan-tagging", 0, 0));
        rows.add(new Row(TODO, "vlan-accept", 1, 1, oneOf("vlan-accept value", "tagged", "untagged", "all")));
        rows.add(new Row(TODO, "vlan-pvid", 1, 1, range(1, 4094)));

        // ---- transport ----
        // OpenVPN 2.7 form: 'local host [port [proto]]', several of them making one server listen on
        // several sockets; OpenVPN 2.6 takes only the host.
        rows.add(new Row(DONE, "local", 1, 3, HOST, PORT, PROTO).conn());
        rows.add(new Row(DONE, "remote", 1, 3, HOST, PORT, PROTO).conn());
        rows.add(new Row(DONE, "remote-random", 0, 0));
        rows.add(new Row(TODO, "remote-random-hostname", 0, 0));
        rows.add(new Row(DONE, "connection", 0, 0).inlineOnly());
        rows.add(new Row(DONE, "proto", 1, 1, PROTO).conn());
        rows.add(new Row(TODO, "proto-force", 1, 1, PROTO));
        rows.add(new Row(DONE, "port", 1, 1, PORT).conn());
        rows.add(new Row(DONE, "lport", 1, 1, PORT).conn());
        rows.add(new Row(DONE, "rport", 1, 1, PORT).conn());
        rows.add(new Row(DONE, "bind", 0, 1, oneOf("bind flag", "ipv6only")).conn());
        rows.add(new Row(DONE, "nobind", 0, 0).conn());
        rows.add(new Row(DONE, "float", 0, 0).conn());
        rows.add(new Row(DONE, "resolv-retry", 1, 1, intOr("infinite")));
        rows.add(new Row(TODO, "preresolve", 0, 1));
        rows.add(new Row(TODO, "ip-remote-hint", 0, 1));
        rows.add(new Row(DONE, "connect-retry", 1, 2, INT, INT).conn());
        rows.add(new Row(DONE, "connect-retry-max", 1, 1, INT).conn());
        rows.add(new Row(DONE, "connect-timeout", 1, 1, INT).conn());
        rows.add(new Row(DONE, "server-poll-timeout", 1, 1, INT).conn());
        rows.add(new Row(TODO, "http-proxy", 2, 4, HOST, PORT, ANY, ANY).conn());
        rows.add(new Row(TODO, "http-proxy-user-pass", 1, 1).inline());
        rows.add(new Row(TODO, "http-proxy-option", 1, 3).conn().check(OptionTable::httpProxyOptionProblem));
        rows.add(new Row(TODO, "http-proxy-retry", 0, 15).conn()
                .deprecated("proxy connection retries are handled like regular connections since OpenVPN 2.4;"
                        + " use 'connect-retry-max 1' for the old behaviour"));
        rows.add(new Row(TODO, "socks-proxy-retry", 0, 15).conn()
                .deprecated("proxy connection retries are handled like regular connections since OpenVPN 2.4;"
                        + " use 'connect-retry-max 1' for the old behaviour"));
        rows.add(new Row(TODO, "http-proxy-timeout", 1, 1).conn()
                .deprecated("ignored since OpenVPN 2.4; use connect-timeout"));
        rows.add(new Row(TODO, "socks-proxy", 1, 3, HOST, PORT, ANY).conn());
        rows.add(new Row(DONE, "explicit-exit-notify", 0, 1, INT).conn());
        rows.add(new Row(TODO, "socket-flags", 0, 15, oneOf("socket flag", "TCP_NODELAY")));
        rows.add(new Row(TODO, "tcp-nodelay", 0, 0));
        rows.add(new Row(TODO, "rcvbuf", 1, 1, INT));
        rows.add(new Row(TODO, "sndbuf", 1, 1, INT));
        rows.add(new Row(TODO, "mark", 1, 1, SIGNED_INT));
        rows.add(new Row(TODO, "bind-dev", 1, 1));
        rows.add(new Row(TODO, "multihome", 0, 0));
        rows.add(new Row(TODO, "fast-io", 0, 0));
        rows.add(new Row(TODO, "passtos", 0, 0));
        rows.add(new Row(TODO, "shaper", 1, 1, range(100, 100_000_000)));
        rows.add(new Row(TODO, "gremlin", 1, 1, INT));

        // ---- liveness ----
        rows.add(new Row(DONE, "keepalive", 2, 2, INT, INT));
        rows.add(new Row(DONE, "ping", 1, 1, INT));
        rows.add(new Row(DONE, "ping-exit", 1, 1, INT));
        rows.add(new Row(DONE, "ping-restart", 1, 1, INT));
        rows.add(new Row(TODO, "ping-timer-rem", 0, 0));
        rows.add(new Row(TODO, "inactive", 1, 2, INT, LONG));
        rows.add(new Row(TODO, "session-timeout", 1, 1, INT));

        // ---- process ----
        rows.add(new Row(DONE, "persist-tun", 0, 0));
        rows.add(new Row(DONE, "persist-key", 0, 0));
        rows.add(new Row(TODO, "persist-local-ip", 0, 0));
        rows.add(new Row(DONE, "persist-remote-ip", 0, 0));
        rows.add(new Row(TODO, "user", 1, 1));
        rows.add(new Row(TODO, "group", 1, 1));
        rows.add(new Row(TODO, "chroot", 1, 1));
        rows.add(new Row(TODO, "setcon", 1, 1));
        rows.add(new Row(TODO, "writepid", 1, 1));
        rows.add(new Row(TODO, "daemon", 0, 1));
        rows.add(new Row(TODO, "syslog", 0, 1));
        rows.add(new Row(TODO, "log", 1, 1));
        rows.add(new Row(TODO, "log-append", 1, 1));
        rows.add(new Row(TODO, "suppress-timestamps", 0, 0));
        rows.add(new Row(TODO, "machine-readable-output", 0, 0));
        rows.add(new Row(TODO, "errors-to-stderr", 0, 0));
        rows.add(new Row(DONE, "mute", 1, 1, INT));
        rows.add(new Row(TODO, "memstats", 1, 1));
        rows.add(new Row(TODO, "mlock", 0, 0));
        rows.add(new Row(TODO, "nice", 1, 1, SIGNED_INT));
        rows.add(new Row(TODO, "status", 1, 2, NON_EMPTY, INT));
        rows.add(new Row(TODO, "status-version", 1, 1, range(1, 3)));
        rows.add(new Row(TODO, "remap-usr1", 1, 1, oneOf("signal", "SIGHUP", "SIGTERM")));
        rows.add(new Row(TODO, "disable-occ", 0, 0));
        rows.add(new Row(DONE, "compat-mode", 1, 2).check(OptionTable::compatModeProblem));
        rows.add(new Row(TODO, "tmp-dir", 1, 1));

        // ---- scripts ----
        rows.add(new Row(DONE, "script-security", 1, 1, range(0, 3)));
        for (String script : List.of("up", "down", "ipchange", "route-up", "route-pre-down", "client-connect",
                "client-disconnect", "learn-address")) {
            rows.add(new Row(DONE, script, 1, 1, NON_EMPTY));
        }
        for (String script : List.of("client-crresponse", "tls-verify")) {
            rows.add(new Row(TODO, script, 1, 1, NON_EMPTY));
        }
        rows.add(new Row(DONE, "auth-user-pass-verify", 2, 2, NON_EMPTY, oneOf("method", "via-env", "via-file")));
        rows.add(new Row(DONE, "tls-crypt-v2-verify", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "tls-crypt-v2-max-age", 1, 1, range(1, Integer.MAX_VALUE)).since27());
        rows.add(new Row(TODO, "down-pre", 0, 0));
        rows.add(new Row(TODO, "up-delay", 0, 0));
        rows.add(new Row(TODO, "up-restart", 0, 0));

        // ---- routing ----
        rows.add(new Row(DONE, "route", 1, 4, HOST, OptionTable::routeNetmaskProblem, ANY, intOr("default")));
        rows.add(new Row(DONE, "route-ipv6", 1, 3, IPV6_NET, ANY, INT));
        rows.add(new Row(TODO, "max-routes", 0, 1)
                .deprecated("ignored: the number of routes is unlimited since OpenVPN 2.4"));
        rows.add(new Row(DONE, "route-gateway", 1, 1, HOST));
        rows.add(new Row(DONE, "route-ipv6-gateway", 1, 1, IPV6));
        rows.add(new Row(DONE, "route-metric", 1, 1, INT));
        rows.add(new Row(TODO, "route-delay", 0, 2, INT, INT));
        rows.add(new Row(DONE, "route-noexec", 0, 0));
        rows.add(new Row(DONE, "route-nopull", 0, 0));
        rows.add(new Row(TODO, "route-method", 1, 1, oneOf("route method", "adaptive", "ipapi", "exe")));
        rows.add(new Row(TODO, "allow-pull-fqdn", 0, 0));
        rows.add(new Row(TODO, "allow-recursive-routing", 0, 0));
        rows.add(new Row(DONE, "redirect-gateway", 0, 15, redirectFlag()));
        rows.add(new Row(DONE, "redirect-private", 0, 15, redirectFlag()));
        rows.add(new Row(TODO, "block-ipv6", 0, 0));
        rows.add(new Row(TODO, "client-nat", 4, 4, oneOf("client-nat type", "snat", "dnat"), IPV4, IPV4, IPV4));
        rows.add(new Row(DONE, "dhcp-option", 1, 3, NON_EMPTY, ANY, ANY));
        rows.add(new Row(DONE, "dns", 1, 15).check(OptionTable::dnsProblem));

        // ---- server ----
        rows.add(new Row(DONE, "server", 2, 3, IPV4, IPV4, oneOf("server flag", "nopool")));
        rows.add(new Row(DONE, "server-ipv6", 1, 1, IPV6_POOL_NET));
        rows.add(new Row(TODO, "server-bridge", 0, 4).check(OptionTable::serverBridgeProblem));
        rows.add(new Row(DONE, "push", 1, 1));
        rows.add(new Row(TODO, "push-reset", 0, 0));
        rows.add(new Row(TODO, "push-remove", 1, 1));
        rows.add(new Row(TODO, "push-peer-info", 0, 0));
        rows.add(new Row(DONE, "ifconfig-pool", 2, 3, IPV4, IPV4, IPV4));
        rows.add(new Row(DONE, "ifconfig-pool-persist", 1, 2, NON_EMPTY, INT));
        rows.add(new Row(DONE, "ifconfig-ipv6-pool", 1, 1, IPV6_POOL_NET));
        rows.add(new Row(TODO, "ifconfig-push", 2, 3, HOST, HOST, HOST));
        rows.add(new Row(TODO, "ifconfig-push-constraint", 2, 2, HOST, IPV4));
        rows.add(new Row(TODO, "ifconfig-ipv6-push", 1, 2, IPV6_NET, IPV6));
        rows.add(new Row(TODO, "iroute", 1, 2, HOST, IPV4));
        rows.add(new Row(TODO, "iroute-ipv6", 1, 1, IPV6_NET));
        rows.add(new Row(TODO, "hash-size", 2, 2, range(1, Integer.MAX_VALUE), range(1, Integer.MAX_VALUE)));
        rows.add(new Row(DONE, "connect-freq", 2, 2, range(1, Integer.MAX_VALUE), range(1, Integer.MAX_VALUE)));
        rows.add(new Row(DONE, "connect-freq-initial", 2, 2, range(1, Integer.MAX_VALUE),
                range(1, Integer.MAX_VALUE)));
        rows.add(new Row(DONE, "max-clients", 1, 1, range(0, 0xFFFFFE)));
        rows.add(new Row(TODO, "max-routes-per-client", 1, 1, INT));
        rows.add(new Row(DONE, "verify-client-cert", 0, 1, oneOf("verify-client-cert value", "none", "optional", "require")));
        rows.add(new Row(TODO, "username-as-common-name", 0, 0));
        rows.add(new Row(TODO, "auth-user-pass-optional", 0, 0));
        rows.add(new Row(TODO, "opt-verify", 0, 0).deprecated("opt-verify is deprecated and will be removed in OpenVPN 2.7"));
        rows.add(new Row(TODO, "auth-gen-token", 0, 3, INT, ArgTypes.intOr("external-auth"), oneOf("flag", "external-auth")));
        rows.add(new Row(TODO, "auth-gen-token-secret", 1, 1).inline());
        rows.add(new Row(DONE, "client-config-dir", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "ccd-exclusive", 0, 0));
        rows.add(new Row(TODO, "bcast-buffers", 1, 1, range(1, Integer.MAX_VALUE)));
        rows.add(new Row(TODO, "tcp-queue-limit", 1, 1, range(1, Integer.MAX_VALUE)));
        rows.add(new Row(TODO, "port-share", 2, 3, HOST, PORT, ANY));
        rows.add(new Row(DONE, "client-to-client", 0, 0));
        rows.add(new Row(DONE, "duplicate-cn", 0, 0));
        rows.add(new Row(TODO, "disable", 0, 0));
        rows.add(new Row(TODO, "stale-routes-check", 1, 2, range(1, Integer.MAX_VALUE), range(1, Integer.MAX_VALUE)));
        rows.add(new Row(TODO, "peer-id", 1, 1, range(0, 0xFFFFFF)));
        rows.add(new Row(TODO, "force-tls-key-material-export", 0, 0));

        // ---- client ----
        rows.add(new Row(DONE, "client", 0, 0));
        rows.add(new Row(DONE, "pull", 0, 0));
        rows.add(new Row(TODO, "push-continuation", 1, 1, INT));
        rows.add(new Row(DONE, "auth-user-pass", 0, 1).inline());
        rows.add(new Row(DONE, "auth-retry", 1, 1, oneOf("auth-retry method", "none", "nointeract", "interact")));
        rows.add(new Row(TODO, "static-challenge", 2, 2, ANY, INT));
        rows.add(new Row(DONE, "pull-filter", 2, 2, oneOf("pull-filter type", "accept", "ignore", "reject"), ANY));
        rows.add(new Row(DONE, "auth-nocache", 0, 0));
        rows.add(new Row(TODO, "auth-token", 1, 1));
        rows.add(new Row(TODO, "auth-token-user", 1, 1));

        // ---- Windows ----
        rows.add(new Row(TODO, "msg-channel", 1, 15));
        rows.add(new Row(TODO, "win-sys", 1, 1));
        rows.add(new Row(TODO, "ip-win32", 1, 3, oneOf("ip-win32 method", "manual", "netsh", "ipapi", "dynamic",
                "adaptive"), ANY, INT));
        for (String flag : List.of("show-adapters", "show-net", "show-net-up", "dhcp-renew", "dhcp-pre-release",
                "register-dns", "block-outside-dns", "rdns-internal", "show-valid-subnets", "pause-exit")) {
            rows.add(new Row(TODO, flag, 0, 0));
        }
        rows.add(new Row(TODO, "dhcp-release", 0, 0).deprecated("obsolete: this is on by default"));
        rows.add(new Row(TODO, "dhcp-internal", 1, 1, INT));
        rows.add(new Row(TODO, "tap-sleep", 1, 1, range(0, 255)));
        rows.add(new Row(TODO, "service", 1, 2, ANY, INT));
        rows.add(new Row(TODO, "allow-nonadmin", 0, 1));
        rows.add(new Row(TODO, "cryptoapicert", 1, 1));

        // ---- compression ----
        rows.add(new Row(DONE, "allow-compression", 1, 1, oneOf("allow-compression value", "yes", "no", "asym")));
        rows.add(new Row(DONE, "comp-lzo", 0, 1, oneOf("comp-lzo value", "yes", "no", "adaptive")));
        rows.add(new Row(DONE, "comp-noadapt", 0, 0));
        rows.add(new Row(DONE, "compress", 0, 1, oneOf("compression algorithm", "stub", "stub-v2", "migrate", "lzo",
                "lz4", "lz4-v2")));

        // ---- data channel crypto ----
        rows.add(new Row(DONE, "secret", 1, 2, NON_EMPTY, KEY_DIRECTION).inline()
                .deprecated("static key mode (--secret) is deprecated and will be removed in OpenVPN 2.7"));
        rows.add(new Row(DONE, "auth", 1, 1, DIGEST));
        rows.add(new Row(DONE, "cipher", 1, 1, CIPHER));
        rows.add(new Row(DONE, "data-ciphers", 1, 1, CIPHER_LIST));
        rows.add(new Row(DONE, "ncp-ciphers", 1, 1, CIPHER_LIST)
                .deprecated("renamed to data-ciphers in OpenVPN 2.5"));
        rows.add(new Row(DONE, "data-ciphers-fallback", 1, 1, CIPHER));
        rows.add(new Row(TODO, "key-derivation", 1, 15, oneOf("key-derivation method", "tls-ekm")));
        rows.add(new Row(TODO, "protocol-flags", 1, 15, oneOf("protocol flag", "cc-exit", "tls-ekm", "dyn-tls-crypt")));
        rows.add(new Row(TODO, "prng", 1, 2).ignored("ignored: the SSL library's PRNG is always used"));
        rows.add(new Row(TODO, "no-replay", 0, 0).deprecated("disabling replay protection weakens the tunnel"));
        rows.add(new Row(DONE, "replay-window", 1, 2, range(0, 65536), range(0, 600)));
        rows.add(new Row(DONE, "mute-replay-warnings", 0, 0));
        rows.add(new Row(TODO, "replay-persist", 1, 1));
        rows.add(new Row(TODO, "engine", 0, 1));
        rows.add(new Row(TODO, "providers", 1, 15));
        rows.add(new Row(TODO, "use-prediction-resistance", 0, 0));
        rows.add(new Row(TODO, "keying-material-exporter", 2, 2, OptionTable::exporterLabelProblem, range(16, 4095)));

        // ---- TLS ----
        rows.add(new Row(DONE, "tls-server", 0, 0));
        rows.add(new Row(DONE, "tls-client", 0, 0));
        rows.add(new Row(DONE, "ca", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(TODO, "capath", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "dh", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(DONE, "cert", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(DONE, "extra-certs", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(DONE, "key", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(DONE, "pkcs12", 1, 1, NON_EMPTY).inline());
        rows.add(new Row(TODO, "crl-verify", 1, 2, NON_EMPTY, oneOf("crl-verify flag", "dir")).inline());
        rows.add(new Row(TODO, "verify-hash", 1, 2, ANY, oneOf("hash algorithm", "SHA1", "SHA256")).inline()
                .deprecated("use --peer-fingerprint, the level-1 certificate as --ca, or --tls-verify"));
        rows.add(new Row(DONE, "peer-fingerprint", 1, 1, OptionTable::fingerprintProblem).inline());
        rows.add(new Row(DONE, "tls-auth", 1, 2, NON_EMPTY, KEY_DIRECTION).inline().conn());
        rows.add(new Row(DONE, "tls-crypt", 1, 2, NON_EMPTY, ANY).inline().conn());
        rows.add(new Row(DONE, "tls-crypt-v2", 1, 2, NON_EMPTY, oneOf("tls-crypt-v2 flag", "force-cookie",
                "allow-noncookie")).inline().conn());
        rows.add(new Row(DONE, "askpass", 0, 1));
        rows.add(new Row(DONE, "tls-version-min", 1, 2).check(OptionTable::tlsVersionMinProblem));
        rows.add(new Row(DONE, "tls-version-max", 1, 1, TLS_VERSION));
        rows.add(new Row(TODO, "tls-cipher", 1, 1, NON_EMPTY));
        rows.add(new Row(TODO, "tls-ciphersuites", 1, 1, NON_EMPTY));
        rows.add(new Row(TODO, "tls-groups", 1, 1, NON_EMPTY));
        rows.add(new Row(TODO, "tls-cert-profile", 1, 1, oneOf("certificate profile", "insecure", "legacy",
                "preferred", "suiteb")));
        rows.add(new Row(TODO, "ecdh-curve", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "tls-timeout", 1, 1, INT));
        rows.add(new Row(DONE, "hand-window", 1, 1, INT));
        rows.add(new Row(DONE, "tran-window", 1, 1, INT));
        rows.add(new Row(DONE, "reneg-sec", 1, 2, INT, INT));
        rows.add(new Row(DONE, "reneg-bytes", 1, 1, LONG));
        rows.add(new Row(DONE, "reneg-pkts", 1, 1, LONG));
        rows.add(new Row(TODO, "single-session", 0, 0));
        rows.add(new Row(TODO, "tls-exit", 0, 0));
        rows.add(new Row(TODO, "tls-export-cert", 1, 1));
        rows.add(new Row(DONE, "verify-x509-name", 1, 2, NON_EMPTY, oneOf("X.509 name type", "subject", "name",
                "name-prefix")));
        rows.add(new Row(TODO, "ns-cert-type", 1, 1, oneOf("certificate type", "server", "client"))
                .deprecated("the nsCertType field is obsolete; use remote-cert-tls"));
        rows.add(new Row(TODO, "remote-cert-ku", 0, 15, HEX));
        rows.add(new Row(TODO, "remote-cert-eku", 1, 1, NON_EMPTY));
        rows.add(new Row(DONE, "remote-cert-tls", 1, 1, oneOf("remote-cert-tls value", "client", "server")));
        rows.add(new Row(TODO, "x509-track", 1, 1));
        rows.add(new Row(TODO, "x509-username-field", 1, 15));
        rows.add(new Row(TODO, "show-pkcs11-ids", 0, 2));
        rows.add(new Row(TODO, "pkcs11-providers", 1, 15));
        rows.add(new Row(TODO, "pkcs11-protected-authentication", 0, 15, INT));
        rows.add(new Row(TODO, "pkcs11-private-mode", 1, 15, HEX));
        rows.add(new Row(TODO, "pkcs11-cert-private", 0, 15, INT));
        rows.add(new Row(TODO, "pkcs11-pin-cache", 1, 1, SIGNED_INT));
        rows.add(new Row(TODO, "pkcs11-id", 1, 1));
        rows.add(new Row(TODO, "pkcs11-id-management", 0, 0));

        Map<String, OptionSpec> map = new LinkedHashMap<>();
        for (Row r : rows) {
            if (map.put(r.name, r.spec()) != null) {
                throw new IllegalStateException("duplicate option table row: " + r.name);
            }
        }
        for (Map.Entry<String, String> removed : RemovedOptions.ALL.entrySet()) {
            map.put(removed.getKey(), new OptionSpec(removed.getKey(), TODO, 0, 15, List.of(), false, false, false,
                    Status.REMOVED, removed.getValue(), null));
        }
        return Collections.unmodifiableMap(map);
    }

    private static ArgType redirectFlag() {
        return oneOf("redirect-gateway flag", "local", "autolocal", "def1", "bypass-dhcp", "bypass-dns",
                "block-local", "ipv6", "!ipv4");
    }

    private static String setenvProblem(List<String> args) {
        if (args.get(0).equals("GENERIC_CONFIG")) {
            return "this is a generic configuration and cannot directly be used";
        }
        return null;
    }

    private static String ifconfigIpv6Problem(List<String> args) {
        Addresses.Ipv6Net n = Addresses.parseIpv6Net(args.get(0));
        int bits = n == null || n.bits() < 0 ? 128 : n.bits();
        return bits < 64 || bits > 124 ? "/netbits must be between 64 and 124, not /" + bits : null;
    }

    private static String routeNetmaskProblem(String v) {
        return v.equals("default") || Addresses.isIpv4(v) ? null : "route netmask '" + v + "' must be an IPv4 address";
    }

    private static String httpProxyOptionProblem(List<String> args) {
        String type = args.get(0);
        switch (type) {
            case "VERSION", "AGENT" -> {
                return args.size() == 2 ? null : "'" + type + "' takes exactly one value";
            }
            case "EXT1", "EXT2", "CUSTOM-HEADER" -> {
                return args.size() >= 2 ? null : "'" + type + "' needs a header";
            }
            default -> {
                return "unknown http-proxy-option type '" + type + "' (expected VERSION, AGENT, EXT1, EXT2 or"
                        + " CUSTOM-HEADER)";
            }
        }
    }

    private static String compatModeProblem(List<String> args) {
        return args.get(0).matches("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}") ? null
                : "cannot parse version number '" + args.get(0) + "' (expected major.minor.patch)";
    }

    private static String serverBridgeProblem(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        if (args.size() == 1) {
            return args.get(0).equals("nogw") ? null : "the only one-argument form is 'server-bridge nogw'";
        }
        if (args.size() != 4) {
            return "expects no arguments, 'nogw', or 4 addresses (gateway netmask pool-start pool-end)";
        }
        for (String a : args) {
            if (!Addresses.isIpv4(a) || Addresses.parseIpv4(a).getAsLong() == 0) {
                return "'" + a + "' is not a non-zero IPv4 address";
            }
        }
        return null;
    }

    private static String dnsProblem(List<String> args) {
        String kind = args.get(0);
        if (kind.equals("search-domains")) {
            return args.size() >= 2 ? null : "'dns search-domains' needs at least one domain";
        }
        if (!kind.equals("server")) {
            return "unknown dns option type '" + kind + "' (expected search-domains or server)";
        }
        if (args.size() < 4) {
            return "'dns server' needs a priority, a setting and a value";
        }
        if (range(-128, 127).problem(args.get(1)) != null) {
            return "invalid dns server priority '" + args.get(1) + "' (-128 to 127)";
        }
        String setting = args.get(2);
        List<String> values = args.subList(3, args.size());
        switch (setting) {
            case "address" -> {
                for (String v : values) {
                    String host = v;
                    if (v.startsWith("[")) {
                        int close = v.indexOf(']');
                        host = close > 0 ? v.substring(1, close) : v;
                    } else if (v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') > 0) {
                        host = v.substring(0, v.indexOf(':'));
                    }
                    if (!Addresses.isIpv4(host) && !Addresses.isIpv6(host)) {
                        return "malformed dns server address '" + v + "'";
                    }
                }
                return values.size() <= 8 ? null : "at most 8 addresses per dns server";
            }
            case "resolve-domains" -> {
                return null;
            }
            case "dnssec" -> {
                return values.size() == 1 ? oneOf("dnssec value", "yes", "no", "optional").problem(values.get(0))
                        : "'dnssec' takes one value";
            }
            case "transport" -> {
                return values.size() == 1 ? oneOf("dns transport", "plain", "DoH", "DoT").problem(values.get(0))
                        : "'transport' takes one value";
            }
            case "sni" -> {
                return values.size() == 1 ? null : "'sni' takes one value";
            }
            default -> {
                return "unknown dns server setting '" + setting + "' (expected address, resolve-domains, dnssec,"
                        + " transport or sni)";
            }
        }
    }

    private static String tlsVersionMinProblem(List<String> args) {
        if (args.size() == 2 && !args.get(1).equals("or-highest")) {
            return "unknown tls-version-min flag '" + args.get(1) + "' (expected or-highest)";
        }
        if (args.size() == 2) {
            return null; // an unknown version with or-highest means "the highest available"
        }
        return TLS_VERSION.problem(args.get(0));
    }

    private static String exporterLabelProblem(String label) {
        if (!label.startsWith("EXPORTER")) {
            return "the keying material exporter label must begin with \"EXPORTER\"";
        }
        return label.equals("EXPORTER-OpenVPN-datakeys") ? "this exporter label is reserved for OpenVPN" : null;
    }

    private static String fingerprintProblem(String value) {
        for (String line : value.split("\n")) {
            String fp = line.strip();
            if (fp.isEmpty() || fp.startsWith("#") || fp.startsWith(";")) {
                continue;
            }
            if (!fp.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}")) {
                return "'" + fp + "' is not a SHA256 fingerprint (32 hex bytes separated by colons)";
            }
        }
        return null;
    }
}
