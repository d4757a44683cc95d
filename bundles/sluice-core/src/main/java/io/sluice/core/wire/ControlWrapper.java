package io.sluice.core.wire;

import java.nio.ByteBuffer;

/**
 * Control-channel protection, as a layer of its own between the 9-byte control header
 * (opcode byte and sender's session id) and the plain body (ack record, message packet id,
 * payload). {@link ControlCodec} writes and reads the header and the body; a wrapper adds
 * and removes what sits between or around them. That keeps the codec identical whichever
 * protection a server is configured with.
 *
 * <p>Where each mode's bytes go (draft "HMAC authentication of control channel packets",
 * "Encrypting control channel packets (tls-crypt)", "Client-specific encryption keys"):
 * <pre>
 * plain        op|kid  own-sid                                          body
 * tls-auth     op|kid  own-sid  HMAC  replay-pid(4) time(4)             body
 *                                     HMAC over replay-pid, time, op|kid, own-sid, body
 * tls-crypt    op|kid  own-sid  replay-pid(4) time(4)  tag(32)          encrypted body
 * tls-crypt-v2 as tls-crypt, and on P_CONTROL_HARD_RESET_CLIENT_V3 and P_CONTROL_WKC_V1 the
 *              wrapped client key follows, its last 2 bytes being its length
 * </pre>
 * So a tls-auth wrapper fills {@link #headroom()} bytes after the session id and leaves the
 * body alone; a tls-crypt wrapper fills the headroom and encrypts the body in place (AES-CTR
 * keeps its length); tls-crypt-v2 also uses {@link #tailroom}. Implemented:
 * {@link PlainControlWrapper}, {@link TlsAuthWrapper}, {@link TlsCryptWrapper} and
 * {@link TlsCryptV2Wrapper} (tls-crypt under the client's own key, with its wrapped key
 * appended), made per session by their {@link ControlProtection} (see
 * {@link ControlProtections}); a tls-crypt-v2 server makes each session's wrapper from the
 * client's first packet ({@link ControlProtection#admit}).
 *
 * <p>A wrapper belongs to one session (tls-auth and tls-crypt keep a send counter and a
 * replay window) and is called by one thread at a time. Every transmission, a
 * retransmission included, is sealed afresh, as the replay packet id must change each time.
 */
public interface ControlWrapper {

    /** Bytes {@link #seal} needs right after the session id. */
    int headroom();

    /** Most bytes {@link #seal} appends after the body of a packet with {@code opcode}. */
    int tailroom(Opcode opcode);

    /**
     * Protects a packet the codec wrote in plain layout. In {@code out}, from absolute index
     * {@code start}: the 9-byte header, then {@link #headroom()} reserved bytes of unspecified
     * content, then the plain body up to {@code end}. The wrapper may rewrite anything after
     * the header and append up to {@link #tailroom} bytes (the codec made sure they fit).
     *
     * @return the absolute index just past the protected packet
     */
    int seal(Opcode opcode, ByteBuffer out, int start, int end);

    /**
     * Checks and removes protection from a received packet, the whole of which lies between
     * {@code packet}'s position and limit; the codec has already checked that it holds at
     * least a 9-byte header with a control opcode.
     *
     * @return the plain body, between the returned buffer's position and limit: either
     *         {@code packet} itself with position and limit moved, or a buffer the wrapper
     *         owns and reuses at its next call; or why the packet must be dropped
     *         ({@link Reject#BAD_AUTHENTICATION}, {@link Reject#REPLAY}, {@link Reject#TRUNCATED})
     */
    Decoded<ByteBuffer> open(Opcode opcode, ByteBuffer packet);

    /**
     * Moves the send counter past {@code count} ids sealed elsewhere: a server that answered a
     * client's reset statelessly, with a wrapper it then dropped, continues the session after
     * the replay packet id that reply used, or the client would drop our next packet as a replay
     * (ssl.c {@code session_skip_to_pre_start}). Nothing to do without a counter.
     */
    default void skipSendIds(int count) {
    }
}
