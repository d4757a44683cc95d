package io.sluice.config.internal;

import java.util.Map;

/**
 * Options OpenVPN once had and 2.6 refuses, with what to use instead. OpenVPN itself reports some of
 * these only as "unrecognized"; Sluice says that they were removed, which is more useful.
 */
final class RemovedOptions {

    private RemovedOptions() {
    }

    static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("client-cert-not-required", "removed in OpenVPN 2.5; use 'verify-client-cert none'"),
            Map.entry("compat-names", "removed in OpenVPN 2.5; update the configuration"),
            Map.entry("no-name-remapping", "removed in OpenVPN 2.5; update the configuration"),
            Map.entry("mtu-dynamic", "removed; replaced by --fragment"),
            Map.entry("ifconfig-pool-linear", "removed in OpenVPN 2.5; use 'topology p2p'"),
            Map.entry("key-method", "removed in OpenVPN 2.5; key method 2 is always used"),
            Map.entry("no-iv", "removed in OpenVPN 2.5; it weakened the tunnel"),
            Map.entry("ncp-disable", "removed in OpenVPN 2.6; cipher negotiation can no longer be disabled"),
            Map.entry("management-client-pf", "removed in OpenVPN 2.6 with the built-in packet filter"),
            Map.entry("tls-remote", "removed in OpenVPN 2.4; use verify-x509-name"));
}
