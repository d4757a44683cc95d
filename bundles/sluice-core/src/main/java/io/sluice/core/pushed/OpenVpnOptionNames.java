package io.sluice.core.pushed;

import java.util.Set;

/**
 * Every option name OpenVPN 2.6.14's options.c {@code add_option} recognises, on any platform.
 * It decides how a refused pushed option is reported: a known option the client may not take is
 * "option 'x' cannot be used in this context", anything else is "Unrecognized option".
 */
final class OpenVpnOptionNames {

    private static final Set<String> NAMES = Set.of(
            "allow-compression", "allow-nonadmin", "allow-pull-fqdn", "allow-recursive-routing", "askpass", "auth",
            "auth-gen-token", "auth-gen-token-secret", "auth-nocache", "auth-retry", "auth-token", "auth-token-user",
            "auth-user-pass", "auth-user-pass-optional", "auth-user-pass-verify", "bcast-buffers", "bind",
            "bind-dev", "block-ipv6", "block-outside-dns", "ca", "capath", "ccd-exclusive", "cd", "cert", "chroot",
            "cipher", "client", "client-cert-not-required", "client-config-dir", "client-connect",
            "client-crresponse", "client-disconnect", "client-nat", "client-to-client", "comp-lzo", "comp-noadapt",
            "compat-mode", "compat-names", "compress", "config", "connect-freq", "connect-freq-initial",
            "connect-retry", "connect-retry-max", "connect-timeout", "connection", "crl-verify", "cryptoapicert",
            "daemon", "data-ciphers", "data-ciphers-fallback", "dev", "dev-node", "dev-type", "dh", "dhcp-internal",
            "dhcp-option", "dhcp-pre-release", "dhcp-release", "dhcp-renew", "disable", "disable-dco", "disable-occ",
            "dns", "down", "down-pre", "duplicate-cn", "ecdh-curve", "echo", "engine", "errors-to-stderr",
            "explicit-exit-notify", "extra-certs", "fast-io", "float", "force-tls-key-material-export", "fragment",
            "genkey", "gremlin", "group", "hand-window", "hash-size", "help", "http-proxy", "http-proxy-option",
            "http-proxy-override", "http-proxy-retry", "http-proxy-timeout", "http-proxy-user-pass", "ifconfig",
            "ifconfig-ipv6", "ifconfig-ipv6-pool", "ifconfig-ipv6-push", "ifconfig-noexec", "ifconfig-nowarn",
            "ifconfig-pool", "ifconfig-pool-persist", "ifconfig-push", "ifconfig-push-constraint",
            "ignore-unknown-option", "inactive", "ip-remote-hint", "ip-win32", "ipchange", "iproute", "iroute",
            "iroute-ipv6", "keepalive", "key", "key-derivation", "key-direction", "keying-material-exporter",
            "learn-address", "link-mtu", "lladdr", "local", "log", "log-append", "lport", "machine-readable-output",
            "management", "management-client", "management-client-auth", "management-client-group",
            "management-client-user", "management-external-cert", "management-external-key",
            "management-forget-disconnect", "management-hold", "management-log-cache", "management-query-passwords",
            "management-query-proxy", "management-query-remote", "management-signal", "management-up-down", "mark",
            "max-clients", "max-packet-size", "max-routes", "max-routes-per-client", "memstats", "mktun", "mlock",
            "mode", "msg-channel", "mssfix", "mtu-disc", "mtu-dynamic", "mtu-test", "multihome", "mute",
            "mute-replay-warnings", "ncp-ciphers", "nice", "no-name-remapping", "no-replay", "nobind",
            "ns-cert-type", "opt-verify", "parameter", "passtos", "pause-exit", "peer-fingerprint", "peer-id",
            "persist-key", "persist-local-ip", "persist-remote-ip", "persist-tun", "ping", "ping-exit",
            "ping-restart", "ping-timer-rem", "pkcs11-cert-private", "pkcs11-id", "pkcs11-id-management",
            "pkcs11-pin-cache", "pkcs11-private-mode", "pkcs11-protected-authentication", "pkcs11-providers",
            "pkcs12", "plugin", "port", "port-share", "preresolve", "prng", "proto", "proto-force", "protocol-flags",
            "providers", "pull", "pull-filter", "push", "push-continuation", "push-peer-info", "push-remove",
            "push-reset", "rcvbuf", "rdns-internal", "redirect-gateway", "redirect-private", "register-dns",
            "remap-usr1", "remote", "remote-cert-eku", "remote-cert-ku", "remote-cert-tls", "remote-random",
            "remote-random-hostname", "reneg-bytes", "reneg-pkts", "reneg-sec", "replay-persist", "replay-window",
            "resolv-retry", "rmtun", "route", "route-delay", "route-gateway", "route-ipv6", "route-ipv6-gateway",
            "route-method", "route-metric", "route-noexec", "route-nopull", "route-pre-down", "route-up", "rport",
            "script-security", "secret", "server", "server-bridge", "server-ipv6", "server-poll-timeout", "service",
            "session-timeout", "setcon", "setenv", "setenv-safe", "shaper", "show-adapters", "show-ciphers",
            "show-curves", "show-digests", "show-engines", "show-gateway", "show-groups", "show-net", "show-net-up",
            "show-pkcs11-ids", "show-tls", "show-valid-subnets", "single-session", "sndbuf", "socket-flags",
            "socks-proxy", "socks-proxy-retry", "stale-routes-check", "static-challenge", "status", "status-version",
            "suppress-timestamps", "syslog", "tap-sleep", "tcp-nodelay", "tcp-queue-limit", "test-crypto",
            "tls-auth", "tls-cert-profile", "tls-cipher", "tls-ciphersuites", "tls-client", "tls-crypt",
            "tls-crypt-v2", "tls-crypt-v2-verify", "tls-exit", "tls-export-cert", "tls-groups", "tls-server",
            "tls-timeout", "tls-verify", "tls-version-max", "tls-version-min", "tmp-dir", "topology", "tran-window",
            "tun-ipv6", "tun-mtu", "tun-mtu-extra", "tun-mtu-max", "txqueuelen", "udp-mtu", "up", "up-delay",
            "up-restart", "use-prediction-resistance", "user", "username-as-common-name", "verb",
            "verify-client-cert", "verify-hash", "verify-x509-name", "version", "vlan-accept", "vlan-pvid",
            "vlan-tagging", "win-sys", "windows-driver", "writepid", "x509-track", "x509-username-field");

    private OpenVpnOptionNames() {
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }
}
