/**
 * The OpenVPN 2.6 packet formats: what the bytes on the wire are, and nothing more.
 *
 * <p>Contents, outermost first:
 * <ul>
 *   <li>{@link io.sluice.core.wire.WireConstants} and {@link io.sluice.core.wire.Opcode}: the
 *       numbers of the protocol, each with where it is defined.</li>
 *   <li>{@link io.sluice.core.wire.OuterHeader}: a reusable, allocation-free peek at the first
 *       bytes of any packet (opcode, key id, session id or peer id) so a dispatcher can route
 *       it to a session without touching the rest.</li>
 *   <li>{@link io.sluice.core.wire.ControlCodec}: control packets to and from the immutable
 *       {@link io.sluice.core.wire.ControlPacket} and {@link io.sluice.core.wire.AckPacket}.
 *       Control-channel protection is a separate layer behind the
 *       {@link io.sluice.core.wire.ControlWrapper} seam, one wrapper per session made by the
 *       configuration's {@link io.sluice.core.wire.ControlProtection}
 *       ({@link io.sluice.core.wire.ControlProtections}): none
 *       ({@link io.sluice.core.wire.PlainControlWrapper}), {@code tls-auth}
 *       ({@link io.sluice.core.wire.TlsAuthWrapper}: HMAC with the {@code auth} digest) and
 *       {@code tls-crypt} ({@link io.sluice.core.wire.TlsCryptWrapper}: AES-256-CTR and
 *       HMAC-SHA256), both with long-form replay packet ids
 *       ({@link io.sluice.core.wire.ControlReplay}); and {@code tls-crypt-v2}: tls-crypt under a
 *       key of each client's own, which the client sends wrapped under the server key
 *       ({@link io.sluice.core.wire.ClientKeyWrapping},
 *       {@link io.sluice.core.wire.TlsCryptV2ServerProtection},
 *       {@link io.sluice.core.wire.TlsCryptV2ClientProtection}).</li>
 *   <li>{@link io.sluice.core.wire.EarlyNegotiation}: the TLVs a hard-reset payload may carry.</li>
 * </ul>
 *
 * <p>Every decoder works from explicit maximum lengths and reports a bad packet as a
 * {@link io.sluice.core.wire.Reject} reason (counted by
 * {@link io.sluice.core.wire.RejectCounters}), never by throwing: packets come from anyone
 * on the Internet, and a malformed one is routine, not exceptional.
 *
 * <p>Sources: OpenVPN 2.6 ({@code ssl_pkt.h}, {@code ssl_pkt.c}, {@code reliable.h},
 * {@code ssl.c}, {@code tls_crypt.c}, {@code crypto.c}, {@code packet_id.c}) and the draft "OpenVPN Wire Protocol" (openvpn-rfc), read for facts only;
 * the fixtures under {@code src/test/resources/io/sluice/core/wire} are packets captured
 * from OpenVPN 2.6.14 talking to itself, which the protected modes' tests open and reproduce
 * byte for byte.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.wire;
