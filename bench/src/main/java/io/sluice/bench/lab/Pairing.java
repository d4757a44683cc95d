package io.sluice.bench.lab;

/**
 * A client implementation connected to a server implementation. {@link #REFERENCE} comes first:
 * every other pairing's figures are divided by its figures from the same run.
 */
enum Pairing {
    OPENVPN_TO_OPENVPN(Implementation.OPENVPN, Implementation.OPENVPN),
    OPENVPN_TO_SLUICE(Implementation.OPENVPN, Implementation.SLUICE),
    SLUICE_TO_OPENVPN(Implementation.SLUICE, Implementation.OPENVPN),
    SLUICE_TO_SLUICE(Implementation.SLUICE, Implementation.SLUICE);

    static final Pairing REFERENCE = OPENVPN_TO_OPENVPN;

    final Implementation client;
    final Implementation server;

    Pairing(Implementation client, Implementation server) {
        this.client = client;
        this.server = server;
    }

    /** "Sluice → OpenVPN": client, then server. */
    String label() {
        return client.label + " → " + server.label;
    }

    /** For lab and log directory names. */
    String slug() {
        return client.name().toLowerCase() + "-to-" + server.name().toLowerCase();
    }
}
