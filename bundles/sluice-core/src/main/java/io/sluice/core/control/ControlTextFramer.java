package io.sluice.core.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits what one TLS read returned into text messages, as OpenVPN 2.6 does
 * (forward.c {@code check_incoming_control_channel}, ssl_pkt.c {@code extract_command_buffer}):
 * <ul>
 *   <li>messages end with a NUL; several may come in one read;</li>
 *   <li>trailing CR, LF and NUL are removed (scripts that write messages add newlines);</li>
 *   <li>a message with any other control character (below 0x20, or DEL) is dropped whole;
 *       bytes from 0x80 up are allowed (UTF-8);</li>
 *   <li>bytes after the last NUL are dropped: OpenVPN does not keep a partial message for
 *       the next read (each message is written with one TLS write, so none is split);</li>
 *   <li>a single last byte is ignored, as OpenVPN's loop needs two.</li>
 * </ul>
 * Dropped input is counted; nothing throws. Thread-safe.
 */
public final class ControlTextFramer {

    private final int maxMessageLength;
    private final ControlRejectCounters rejects;

    /**
     * @param maxMessageLength the longest message text accepted, in bytes; OpenVPN's own bound
     *                         is {@link KeyMethod2Message#TLS_CHANNEL_BUF_SIZE} for a whole read
     */
    public ControlTextFramer(int maxMessageLength, ControlRejectCounters rejects) {
        if (maxMessageLength < 1) {
            throw new IllegalArgumentException("maxMessageLength must be positive: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /** A framer bounded as OpenVPN 2.6 is: {@value KeyMethod2Message#TLS_CHANNEL_BUF_SIZE} bytes. */
    public static ControlTextFramer openVpnDefault(ControlRejectCounters rejects) {
        return new ControlTextFramer(KeyMethod2Message.TLS_CHANNEL_BUF_SIZE, rejects);
    }

    /**
     * The messages in {@code plaintext} between its position and limit, in order, as text
     * without the NUL; the buffer's position and limit are as before on return.
     */
    public List<String> split(ByteBuffer plaintext) {
        ByteBuffer in = plaintext.slice();
        List<String> out = new ArrayList<>(1);
        while (in.remaining() > 1) {
            int start = in.position();
            int nul = start;
            while (nul < in.limit() && in.get(nul) != 0) {
                nul++;
            }
            if (nul == in.limit()) {
                rejects.count(ControlReject.UNTERMINATED);
                return out;
            }
            in.position(nul + 1);
            int end = nul;
            while (end > start && (in.get(end - 1) == '\r' || in.get(end - 1) == '\n')) {
                end--;
            }
            if (end - start > maxMessageLength) {
                rejects.count(ControlReject.OVERSIZE);
                continue;
            }
            boolean printable = true;
            for (int i = start; i < end; i++) {
                int b = in.get(i) & 0xFF;
                if (b < 32 || b == 127) {
                    printable = false;
                    break;
                }
            }
            if (!printable) {
                rejects.count(ControlReject.INVALID_CHARACTERS);
                continue;
            }
            try {
                out.add(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(in.duplicate().limit(end).position(start)).toString());
            } catch (CharacterCodingException e) {
                rejects.count(ControlReject.MALFORMED_STRING);
            }
        }
        if (in.remaining() == 1 && in.get(in.position()) != 0) {
            rejects.count(ControlReject.UNTERMINATED);
        }
        return out;
    }
}
