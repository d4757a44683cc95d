/**
 * What travels as TLS application data on the OpenVPN control channel, as OpenVPN 2.6 writes
 * and reads it: the key method 2 exchange, peer info, the options (OCC) string, data-channel
 * cipher negotiation, and the NUL-terminated text messages (PUSH_REQUEST, PUSH_REPLY,
 * AUTH_FAILED, RESTART, HALT, EXIT, INFO, INFO_PRE, AUTH_PENDING, CR_RESPONSE).
 *
 * <p>Contents:
 * <ul>
 *   <li>{@link io.sluice.core.control.KeyMethod2Codec} and
 *       {@link io.sluice.core.control.KeyMethod2Message}: the first message each side writes
 *       after the TLS handshake (ssl.c {@code key_method_2_write}/{@code key_method_2_read}).</li>
 *   <li>{@link io.sluice.core.control.PeerInfo} (what a client says about itself, the IV_ and
 *       UV_ lines, with {@link io.sluice.core.control.IvProto} flags) and
 *       {@link io.sluice.core.control.PeerInfoBuilder} (what a Sluice client says).</li>
 *   <li>{@link io.sluice.core.control.OptionsString} and
 *       {@link io.sluice.core.control.OptionsStringCheck}: the "V4,dev-type tun,..." string
 *       (options.c {@code options_string}, {@code options_cmp_equal}).</li>
 *   <li>{@link io.sluice.core.control.CipherNegotiation}: which data-channel cipher a server
 *       pushes, and whether a client accepts what it is pushed (ssl_ncp.c, multi.c).</li>
 *   <li>{@link io.sluice.core.control.ControlTextFramer}, {@link io.sluice.core.control.ControlText}
 *       and {@link io.sluice.core.control.ControlTextParser}: text messages in and out.</li>
 *   <li>{@link io.sluice.core.control.PushReplyBuilder}, {@link io.sluice.core.control.PushList}
 *       and {@link io.sluice.core.control.ClientPushOptions}: the server's PUSH_REPLY (push.c);
 *       {@link io.sluice.core.control.PushReplyAssembler} and
 *       {@link io.sluice.core.control.PullFilters}: the client's side of it.</li>
 * </ul>
 *
 * <p>Everything here works on plain values (strings, lists of push options, cipher names), not
 * on the configuration model, so the session layer decides where the values come from.
 * Decoders of what a peer sent take explicit maximum lengths and report bad input as a
 * {@link io.sluice.core.control.ControlReject}, counted in
 * {@link io.sluice.core.control.ControlRejectCounters}; they do not throw. Message types are
 * immutable.
 *
 * <p>Sources: OpenVPN 2.6.14 ({@code ssl.c}, {@code ssl_ncp.c}, {@code ssl_util.c},
 * {@code push.c}, {@code options.c}, {@code mtu.c}, {@code crypto.c}, {@code multi.c},
 * {@code forward.c}, {@code ssl_pkt.c}, {@code misc.c}), read for facts only. The fixtures under
 * {@code src/test/resources/io/sluice/core/control} are control-channel plaintext captured from
 * OpenVPN 2.6.14 peers.
 *
 * <p>Private implementation package: not exported.
 */
package io.sluice.core.control;
