package io.sluice.bench.lab;

import io.sluice.itests.interop.InteropConfigs;
import io.sluice.itests.net.TwoNamespaceLab;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.TestPki;
import io.sluice.itests.net.TunnelChecks;

/**
 * One tunnel up for measuring: a fresh lab (two namespaces joined by veth, a throw-away PKI), the
 * pairing's server and client started on the interop tests' configurations with AES-256-GCM as
 * the only data cipher, and a ping through it answered. Closing it removes everything.
 */
final class TunnelSession implements AutoCloseable {

    /** The server's tunnel address: {@code server 10.8.0.0 255.255.255.0} with topology subnet. */
    static final String SERVER_TUN = "10.8.0.1";

    /**
     * The same for both implementations. Verb 3 rather than the interop tests' 4, so that neither
     * side spends the measured time writing its log.
     */
    private static final String[] EXTRA = {"data-ciphers AES-256-GCM", "verb 3"};

    final NetLab lab;
    final Ns serverNs;
    final Ns clientNs;
    final NsProcess server;

    private TunnelSession(NetLab lab, Ns serverNs, Ns clientNs, NsProcess server) {
        this.lab = lab;
        this.serverNs = serverNs;
        this.clientNs = clientNs;
        this.server = server;
    }

    static TunnelSession open(Transport transport, Pairing pairing, int repetition) throws InterruptedException {
        TwoNamespaceLab two = TwoNamespaceLab.open(
                "bench-" + transport.name().toLowerCase() + "-" + pairing.slug() + "-r" + repetition);
        NetLab lab = two.lab();
        try {
            Ns serverNs = two.serverNs();
            Ns clientNs = two.clientNs();
            TestPki pki = two.pki();
            String address = two.serverAddress();
            NsProcess server = pairing.server.start(lab, serverNs, "server-" + pairing.server.label,
                    InteropConfigs.server(transport.serverProto, address, pki, pki.server("server"), EXTRA));
            pairing.client.start(lab, clientNs, "client-" + pairing.client.label,
                    InteropConfigs.client(transport.clientProto, address, pki, pki.client("alice"), EXTRA));
            TunnelChecks.awaitPing(lab, clientNs, SERVER_TUN);
            return new TunnelSession(lab, serverNs, clientNs, server);
        } catch (InterruptedException | RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    @Override
    public void close() {
        lab.close();
    }
}
