package io.sluice.bench.lab;

import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.SluicePeer;

/** Which program plays a side of the tunnel; both read the same configuration text. */
enum Implementation {
    OPENVPN("OpenVPN"),
    SLUICE("Sluice");

    final String label;

    Implementation(String label) {
        this.label = label;
    }

    /** Starts this implementation in {@code ns} and returns once it logs that it is up. */
    NsProcess start(NetLab lab, Ns ns, String name, String config) throws InterruptedException {
        return switch (this) {
            case OPENVPN -> OpenVpnPeer.start(lab, ns, name, config).process();
            case SLUICE -> SluicePeer.start(lab, ns, name, config).process();
        };
    }
}
