package io.sluice.bench.lab;

/** The tunnel's own transport, with the {@code proto} each side's configuration names. */
enum Transport {
    UDP("udp", "udp"),
    TCP("tcp-server", "tcp-client");

    final String serverProto;
    final String clientProto;

    Transport(String serverProto, String clientProto) {
        this.serverProto = serverProto;
        this.clientProto = clientProto;
    }

    String label() {
        return name() + " transport";
    }
}
