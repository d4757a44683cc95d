/**
 * Static-key peer-to-peer tunnels: OpenVPN's {@code --secret FILE [0|1]} with
 * {@code ifconfig local remote}, no TLS and no server, interoperating with OpenVPN 2.6.
 *
 * <p>{@link io.sluice.core.p2p.PeerToPeerInstance} opens the TUN device, keeps one link (UDP, or
 * TCP as {@code tcp-server} or {@code tcp-client} with OpenVPN's 2-byte length framing) and
 * moves packets through a {@link io.sluice.core.p2p.StaticKeyChannel}: OpenVPN's static-key
 * packet format (no opcode; HMAC, IV, CBC of the long packet id and the payload; or with
 * {@code cipher none} the id and payload in clear) under the keys the file and its direction
 * select ({@link io.sluice.core.p2p.StaticKeyCrypto}). Keepalive pings and OCC messages
 * ({@link io.sluice.core.p2p.OccMessage}) travel inside the data channel as in OpenVPN.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.p2p;
