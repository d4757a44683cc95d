package io.sluice.core.control;

/**
 * The transport as the options string names it (socket.c {@code proto_remote}): always the
 * IPv4 spelling, whatever the socket's family, and TCP by role, swapped for the peer.
 */
public enum OccProto {
    UDP("UDPv4", "UDPv4"),
    TCP_SERVER("TCPv4_SERVER", "TCPv4_CLIENT"),
    TCP_CLIENT("TCPv4_CLIENT", "TCPv4_SERVER");

    private final String local;
    private final String remote;

    OccProto(String local, String remote) {
        this.local = local;
        this.remote = remote;
    }

    /** The name in one's own string ({@code remote=false}) or in what one expects of the peer. */
    public String occName(boolean remote) {
        return remote ? this.remote : local;
    }

    /** Whether packets carry TCP's 2-byte length prefix (counted in link-mtu). */
    public boolean isTcp() {
        return this != UDP;
    }
}
