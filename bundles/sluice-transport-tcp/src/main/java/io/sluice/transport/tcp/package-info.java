/**
 * The TCP transport ({@code proto tcp-server}, {@code tcp-client}, {@code tcp}, {@code tcp4},
 * {@code tcp6}): NIO stream sockets with OpenVPN's framing, each packet preceded by its
 * length as 2 bytes, big-endian. Not exported; other bundles reach it only as the
 * {@link io.sluice.api.transport.StreamTransport} service with {@code sluice.transport=tcp}.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>A fixed set of I/O threads, {@code sluice-tcp-io-N} (one per processor by default),
 *       each running one selector ({@link io.sluice.transport.tcp.IoLoop}). A listening
 *       socket accepts on one of them and deals connections out round robin; an outgoing
 *       connection is given one the same way. A connection stays on its thread for life.</li>
 *   <li>That thread is the only one that reads the connection and the only one that calls
 *       its receiver: the acceptor, every {@code received}, {@code closed} exactly once, and
 *       the completion of a {@code connect} stage. None of them may block: they hold up
 *       every other connection of the thread.</li>
 *   <li>Reads go into one direct buffer per thread; whole packets are handed over in place,
 *       only packets split across reads are copied (into a buffer kept per connection).</li>
 *   <li>{@code send} may be called from any thread. With nothing queued it writes straight to
 *       the socket, non-blocking; what the socket does not take is queued and written by the
 *       I/O thread when the socket is writable. A lock per connection keeps frames whole;
 *       no lock is shared between connections.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Incoming packet length 1 to {@code max.packet.length} (default 65,535, all the
 *       prefix can say; OpenVPN itself takes about tun-mtu-max plus 168 bytes). A length of
 *       0 or over the maximum closes that connection only, counted by reason
 *       ({@link io.sluice.transport.tcp.CloseReason}), and its receiver gets a cause naming
 *       the length.</li>
 *   <li>Outgoing: at most {@code tcp.queue.limit} packets (OpenVPN's
 *       {@code --tcp-queue-limit}, 64) and {@code write.queue.bytes} waiting per connection;
 *       beyond that new packets are dropped and counted, as OpenVPN drops them for a peer
 *       that reads too slowly. The connection is kept.</li>
 *   <li>Connect timeout {@code connect.timeout} (OpenVPN's {@code --connect-timeout}, 120 s).</li>
 * </ul>
 */
package io.sluice.transport.tcp;
