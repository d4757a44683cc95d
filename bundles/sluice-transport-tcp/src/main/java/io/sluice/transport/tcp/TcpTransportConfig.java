package io.sluice.transport.tcp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the TCP transport. They are the transport's own, not a tunnel's: OpenVPN's
 * per-tunnel socket options arrive as {@link io.sluice.api.transport.LinkOptions}. Changing
 * them restarts the transport, which closes every connection.
 */
@ObjectClassDefinition(name = "Sluice TCP transport",
        description = "NIO stream sockets with OpenVPN's 2-byte length framing.")
public @interface TcpTransportConfig {

    @AttributeDefinition(name = "I/O threads",
            description = "Selector threads sharing the connections; 0 for one per processor.")
    int io_threads() default 0;

    @AttributeDefinition(name = "Maximum packet length",
            description = "Longest packet accepted from a peer, 1 to 65535. A longer length closes that "
                    + "connection. OpenVPN accepts about tun-mtu-max (at least 1600) plus 168 bytes, "
                    + "1768 with default settings; the default here only refuses what the 2-byte prefix "
                    + "cannot carry anyway, so that any tun-mtu works.")
    int max_packet_length() default 65_535;

    @AttributeDefinition(name = "TCP queue limit",
            description = "Outgoing packets queued per connection before new ones are dropped "
                    + "(OpenVPN's --tcp-queue-limit, default 64).")
    int tcp_queue_limit() default 64;

    @AttributeDefinition(name = "Write queue bytes",
            description = "Bytes queued per connection at most; at least 65537 (one largest frame).")
    int write_queue_bytes() default 131_072;

    @AttributeDefinition(name = "Connect timeout",
            description = "Seconds an outgoing connection may take (OpenVPN's --connect-timeout, default 120).")
    int connect_timeout() default 120;

    @AttributeDefinition(name = "Listen backlog",
            description = "Connections the system holds before they are accepted (OpenVPN uses 32).")
    int listen_backlog() default 32;

    @AttributeDefinition(name = "TCP_NODELAY",
            description = "Send each packet at once instead of letting Nagle's algorithm hold small ones "
                    + "back (OpenVPN 2.7 always sets it; 2.6 only with --tcp-nodelay).")
    boolean tcp_nodelay() default true;
}
