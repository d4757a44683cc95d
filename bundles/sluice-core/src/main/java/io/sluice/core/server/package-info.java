/**
 * OpenVPN's multi-client server ({@code mode server}): one instance listening on its transports,
 * a {@link io.sluice.core.server.ClientPeer} per connected client, the routing table between
 * the TUN device and the clients, address pools, client-config-dir, PUSH_REPLY, keepalive.
 *
 * <p>Threads: transport I/O threads open data packets and write them to the TUN device (or to
 * another client with client-to-client); one TUN reader thread seals packets for clients; each
 * client's control channel runs on one of a few control threads (chosen per client), which
 * also run its timers. No lock is shared between clients on the data path.
 */
package io.sluice.core.server;
