package io.sluice.config;

import java.util.Optional;

/** A transport protocol keyword as {@code proto} and {@code remote} accept it. */
public enum Proto {
    UDP("udp"), UDP4("udp4"), UDP6("udp6"),
    TCP("tcp"), TCP4("tcp4"), TCP6("tcp6"),
    TCP_SERVER("tcp-server"), TCP4_SERVER("tcp4-server"), TCP6_SERVER("tcp6-server"),
    TCP_CLIENT("tcp-client"), TCP4_CLIENT("tcp4-client"), TCP6_CLIENT("tcp6-client");

    /** Which IP family a protocol keyword forces. */
    public enum Family { ANY, IPV4, IPV6 }

    private final String keyword;

    Proto(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword as written in a configuration. */
    public String keyword() {
        return keyword;
    }

    /** Whether this is a UDP variant. */
    public boolean isUdp() {
        return keyword.startsWith("udp");
    }

    /** Whether this is a TCP variant (client, server or undecided). */
    public boolean isTcp() {
        return !isUdp();
    }

    /** Whether this is a TCP server variant. */
    public boolean isTcpServer() {
        return keyword.endsWith("-server");
    }

    /** Whether this is a TCP client variant. */
    public boolean isTcpClient() {
        return keyword.endsWith("-client");
    }

    /** The IP family this keyword forces. */
    public Family family() {
        if (keyword.contains("4")) {
            return Family.IPV4;
        }
        return keyword.contains("6") ? Family.IPV6 : Family.ANY;
    }

    /**
     * The same protocol with an undecided {@code tcp} turned into {@code tcp-server} or
     * {@code tcp-client}, as OpenVPN does for server and client configurations.
     */
    public Proto resolveTcp(boolean server) {
        if (this == TCP) {
            return server ? TCP_SERVER : TCP_CLIENT;
        }
        if (this == TCP4) {
            return server ? TCP4_SERVER : TCP4_CLIENT;
        }
        if (this == TCP6) {
            return server ? TCP6_SERVER : TCP6_CLIENT;
        }
        return this;
    }

    /** The protocol for a keyword (case-sensitive, as OpenVPN compares it). */
    public static Optional<Proto> fromKeyword(String keyword) {
        for (Proto p : values()) {
            if (p.keyword.equals(keyword)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
