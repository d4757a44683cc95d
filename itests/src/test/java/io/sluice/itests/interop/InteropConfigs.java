package io.sluice.itests.interop;

import io.sluice.itests.net.IssuedCert;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.TunnelChecks;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.TestPki;

/**
 * The ordinary server and client configurations the interop tests give either implementation:
 * stock OpenVPN 2.6 and bin/sluice read the same text. {@code extra} lines come last, so they
 * may override what is here (the last occurrence of a single-valued option wins in both).
 * Public because the benchmark harness (bench/) sets its tunnels up with the same text.
 */
public final class InteropConfigs {

    private InteropConfigs() {
    }

    /** A routed server on 10.8.0.0/24, topology subnet, keepalive 2 10, verb 4. */
    public static String server(String proto, String local, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n", "port 1194", "proto " + proto, "local " + local, "dev tun",
                "ca " + OpenVpnPeer.quote(pki.caCert()), "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()), "dh none", "keepalive 2 10", "topology subnet",
                "server 10.8.0.0 255.255.255.0", "verb 4", String.join("\n", extra), "");
    }

    /**
     * Through a tunnel between these configurations (the server at 10.8.0.1, the client on
     * {@code tun0}): pings both ways and 5 MB from the client to the server.
     */
    public static void pingAndMoveFiveMegabytes(NetLab lab, Ns serverNs, Ns clientNs) throws InterruptedException {
        TunnelChecks.pingBothWaysAndMove(lab, serverNs, "10.8.0.1", clientNs,
                TunnelChecks.tunAddress(lab, clientNs, "tun0"), 5L * 1024 * 1024);
    }

    /** A client of {@code server}:1194 that checks the server certificate, connect-retry 1 2, verb 4. */
    public static String client(String proto, String server, TestPki pki, IssuedCert cert, String... extra) {
        return String.join("\n", "client", "dev tun", "proto " + proto, "remote " + server + " 1194", "nobind",
                "ca " + OpenVpnPeer.quote(pki.caCert()), "cert " + OpenVpnPeer.quote(cert.cert()),
                "key " + OpenVpnPeer.quote(cert.key()), "remote-cert-tls server", "connect-retry 1 2", "verb 4",
                String.join("\n", extra), "");
    }
}
