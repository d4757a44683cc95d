package io.sluice.core.route;

/**
 * The verdict on a packet a client sent into the tunnel, by its source address (multi.c
 * {@code multi_process_incoming_link}). Only {@link #ACCEPTED} packets go on; the others are
 * dropped and counted by the {@link RoutingTable}.
 */
public enum SourceCheck {
    /** The source routes back to the sending session: its own address or inside its iroutes. */
    ACCEPTED,
    /**
     * The source routes nowhere, or to another session: spoofed, or a client with a subnet
     * behind it but no matching {@code iroute}. OpenVPN logs "MULTI: bad source address from
     * client [...], packet dropped".
     */
    BAD_SOURCE,
    /**
     * An unlearned IPv6 link-local source (fe80::/10), as clients' own neighbour and router
     * discovery sends. OpenVPN drops these too, but quietly, as a normal occurrence.
     */
    IPV6_LINK_LOCAL_SOURCE,
    /** Not an IPv4 or IPv6 packet with a whole header: OpenVPN drops it without a word. */
    MALFORMED
}
