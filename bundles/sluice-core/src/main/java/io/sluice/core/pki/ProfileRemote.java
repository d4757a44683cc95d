package io.sluice.core.pki;

import java.util.Objects;

/**
 * One way a client reaches the server: a {@code remote host port proto} line of the profile.
 *
 * <p>The host is written as given (a name or an address) and must be a single word OpenVPN
 * reads back unchanged: letters, digits and {@code . - _ :} only, at most 253 characters. The
 * transport is UDP or TCP without an address family, so the client picks IPv4 or IPv6 from what
 * the name resolves to, as a profile for a server listening on both should.
 *
 * @param host      the server's public name or address, as clients reach it
 * @param port      1 to 65535
 * @param transport UDP or TCP
 */
public record ProfileRemote(String host, int port, Transport transport) {

    /** The transport protocol, with the keyword a client profile uses for it. */
    public enum Transport {
        UDP("udp"),
        TCP("tcp");

        private final String keyword;

        Transport(String keyword) {
            this.keyword = keyword;
        }

        /** {@code udp} or {@code tcp} (for a client, {@code tcp} means tcp-client). */
        public String keyword() {
            return keyword;
        }
    }

    public ProfileRemote {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (!isHost(host)) {
            throw new IllegalArgumentException("not a host name or address for a profile: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range (1 to 65535): " + port);
        }
    }

    /** A word OpenVPN's tokenizer returns as is: no quotes, spaces, comment characters or escapes. */
    private static boolean isHost(String host) {
        if (host.isEmpty() || host.length() > 253 || host.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
