/**
 * The UDP transport ({@code proto udp}, {@code udp4}, {@code udp6}): NIO datagram sockets
 * carrying one OpenVPN packet per datagram. Not exported; other bundles reach it only as the
 * {@link io.sluice.api.transport.DatagramTransport} service with {@code sluice.transport=udp}.
 *
 * <h2>Address families</h2>
 * The family of the socket follows the address it is bound to, so the engine chooses it by
 * the address it passes: an IPv4 address ({@code 0.0.0.0}, as for {@code proto udp4}) opens
 * an IPv4-only socket; an IPv6 address opens an IPv6 socket, and {@code ::} is dual-stack
 * (IPV6_V6ONLY off, the JDK's and OpenVPN's default), accepting IPv4 peers as v4-mapped
 * addresses. The JDK already reports such peers as plain IPv4 addresses
 * ({@code /127.0.0.1}, never {@code ::ffff:127.0.0.1}), so one peer has one address whichever
 * socket it came through, and replies to that address reach it. Several {@code local}
 * addresses are several {@code bind} calls, each its own link and thread.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>Each link has one I/O thread, {@code sluice-udp <local address>}, the only thread that
 *       reads the socket and the only one that calls the {@link io.sluice.api.transport.PacketReceiver}
 *       ({@code received} for every datagram, then {@code closed} exactly once at the end).
 *       It reads every datagram into one direct buffer allocated with the link and reused, so
 *       nothing is allocated per packet (the JDK caches the sender address while the sender
 *       does not change).</li>
 *   <li>{@code send} may be called from any thread: the socket is non-blocking and the JDK
 *       serialises sends on it. Nothing of this transport is shared between links.</li>
 *   <li>When the socket's send buffer is full the datagram is dropped and counted, as the
 *       network would drop it; the engine's reliability layer and TCP inside the tunnel
 *       recover, and a sender is never blocked by a slow link.</li>
 * </ul>
 */
package io.sluice.transport.udp;
