package io.sluice.core.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The text messages of the control channel after the key method 2 exchange. On the wire each
 * is its text and a NUL, written with one TLS write ({@link #encode()}; forward.c
 * {@code send_control_channel_string_dowork}); {@link ControlTextFramer} and
 * {@link ControlTextParser} read them.
 *
 * <p>The records build messages as OpenVPN 2.6 words them. Their texts must be printable
 * (no control characters): OpenVPN drops a message holding one, so a builder refuses it.
 */
public sealed interface ControlText {

    /** common.h {@code PUSH_BUNDLE_SIZE}: the buffer OpenVPN builds pushed messages in, NUL included. */
    int PUSH_BUNDLE_SIZE = 1024;

    /** The message text, without the NUL. */
    String text();

    /** The bytes to write into the TLS session: the UTF-8 text and a NUL. */
    default byte[] encode() {
        byte[] t = text().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    /** Client to server: asks for the PUSH_REPLY; repeated every 5 s until one comes (common.h). */
    record PushRequest() implements ControlText {
        public static final PushRequest INSTANCE = new PushRequest();

        @Override
        public String text() {
            return "PUSH_REQUEST";
        }
    }

    /**
     * Server to client: {@code PUSH_REPLY} and the pushed options, comma-separated. Build with
     * {@link PushReplyBuilder}, which splits long replies; read with {@link PushReplyAssembler}.
     *
     * @param options the options in order, each without commas; may be empty
     */
    record PushReply(List<String> options) implements ControlText {
        public PushReply {
            options = List.copyOf(options);
            for (String o : options) {
                checkPrintable(o);
                if (o.indexOf(',') >= 0) {
                    throw new IllegalArgumentException("pushed option holds a comma: " + o);
                }
            }
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder("PUSH_REPLY");
            for (String o : options) {
                b.append(',').append(o);
            }
            return b.toString();
        }
    }

    /**
     * Server to client: authentication failed, optionally with a reason for the user
     * (push.c {@code send_auth_failed}). The whole text is cut to fit
     * {@link #PUSH_BUNDLE_SIZE} as OpenVPN cuts it. Reasons starting {@code TEMP} ask a client
     * that announced {@link IvProto#AUTH_FAIL_TEMP} to retry ({@link #temporary()}); reasons
     * starting {@code CRV1:} carry a challenge; {@code SESSION:} marks an expired auth-token.
     */
    record AuthFailed(Optional<String> reason) implements ControlText {
        public AuthFailed {
            Objects.requireNonNull(reason, "reason");
            reason.ifPresent(ControlText::checkPrintable);
        }

        public static AuthFailed withoutReason() {
            return new AuthFailed(Optional.empty());
        }

        public static AuthFailed because(String reason) {
            return new AuthFailed(Optional.of(reason));
        }

        @Override
        public String text() {
            return truncate(reason.map(r -> "AUTH_FAILED," + r).orElse("AUTH_FAILED"), PUSH_BUNDLE_SIZE - 1);
        }

        /**
         * The {@code TEMP} form, {@code TEMP[backoff n,advance no|addr|remote]:message}
         * (options_util.c {@code parse_auth_failed_temp}), if this is one.
         */
        public Optional<TemporaryFailure> temporary() {
            return reason.filter(r -> r.startsWith("TEMP")).map(r -> TemporaryFailure.parse(r.substring(4)));
        }
    }

    /**
     * The flags and message of {@code AUTH_FAILED,TEMP...}.
     *
     * @param backoffSeconds {@code backoff n}, if given and well-formed
     * @param advance        {@code advance no|addr|remote}, the last given
     * @param unknownFlags   flags OpenVPN warns about and ignores
     * @param message        the text after {@code ]:} or {@code :}; empty if none
     */
    record TemporaryFailure(OptionalInt backoffSeconds, Optional<String> advance, List<String> unknownFlags,
                            String message) {
        public TemporaryFailure {
            unknownFlags = List.copyOf(unknownFlags);
        }

        static TemporaryFailure parse(String afterTemp) {
            OptionalInt backoff = OptionalInt.empty();
            Optional<String> advance = Optional.empty();
            List<String> unknown = new ArrayList<>();
            String message = afterTemp;
            int close = afterTemp.indexOf(']');
            if (afterTemp.startsWith("[") && close > 0) {
                message = afterTemp.substring(close + 1);
                for (String flag : afterTemp.substring(1, close).split(",")) {
                    if (flag.isEmpty()) {
                        continue;
                    }
                    if (flag.startsWith("backoff ")) {
                        backoff = PeerInfo.scanInt(flag.substring(8));
                    } else if (flag.startsWith("advance ")) {
                        String a = flag.substring(8);
                        if (a.equals("no") || a.equals("addr") || a.equals("remote")) {
                            advance = Optional.of(a);
                        }
                    } else {
                        unknown.add(flag);
                    }
                }
            }
            return new TemporaryFailure(backoff, advance, unknown, message.startsWith(":") ? message.substring(1) : "");
        }
    }

    /**
     * Server to client: reconnect ({@code RESTART}) or stop ({@code HALT}), optionally with a
     * text. A text starting {@code [flags]} steers the client (push.c
     * {@code server_pushed_signal}): {@code P} keeps cached passwords, {@code N} moves on to
     * the next server. A server restarting sends {@code RESTART,[N]} (multi.c).
     */
    record ServerSignal(boolean restart, Optional<String> message) implements ControlText {
        public ServerSignal {
            Objects.requireNonNull(message, "message");
            message.ifPresent(ControlText::checkPrintable);
        }

        public static ServerSignal restartWithoutText() {
            return new ServerSignal(true, Optional.empty());
        }

        public static ServerSignal halt() {
            return new ServerSignal(false, Optional.empty());
        }

        @Override
        public String text() {
            String word = restart ? "RESTART" : "HALT";
            return message.map(m -> word + "," + m).orElse(word);
        }

        /** False when the message's leading flags hold {@code P}. */
        public boolean purgeCredentials() {
            return !flags().contains("P");
        }

        /** True when the message's leading flags hold {@code N}. */
        public boolean advanceToNextServer() {
            return flags().contains("N");
        }

        private String flags() {
            String m = message.orElse("");
            if (!m.startsWith("[")) {
                return "";
            }
            int close = m.indexOf(']');
            return close < 0 ? m.substring(1) : m.substring(1, close);
        }
    }

    /**
     * Either way: the peer is going away (control-channel exit notification, sent by a client
     * stopping with {@code explicit-exit-notify} when the server pushed {@code protocol-flags cc-exit}).
     */
    record Exit() implements ControlText {
        public static final Exit INSTANCE = new Exit();

        @Override
        public String text() {
            return "EXIT";
        }
    }

    /**
     * Server to client: {@code INFO,text}, or {@code INFO_PRE,text} sent with AUTH_PENDING for
     * the user to act on before authentication ends, e.g. {@code INFO_PRE,OPEN_URL:https://...}
     * or {@code INFO_PRE,CR_TEXT:E,R:Enter the code} (push.c {@code send_auth_pending_messages}).
     */
    record Info(boolean pre, String message) implements ControlText {
        public Info {
            checkPrintable(message);
        }

        /** The keyword alone when the message is empty: OpenVPN reads both forms as no text. */
        @Override
        public String text() {
            String word = pre ? "INFO_PRE" : "INFO";
            return message.isEmpty() ? word : word + "," + message;
        }
    }

    /**
     * Server to client: authentication is pending; without a timeout for clients lacking
     * {@link IvProto#AUTH_PENDING_KW}. Other keywords are ignored by OpenVPN's client.
     */
    record AuthPending(OptionalInt timeoutSeconds, List<String> otherKeywords) implements ControlText {
        public AuthPending {
            Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
            otherKeywords = List.copyOf(otherKeywords);
            otherKeywords.forEach(ControlText::checkPrintable);
        }

        /** What OpenVPN 2.6 sends to this client: with the timeout only if it understands keywords. */
        public static AuthPending forClient(PeerInfo client, int timeoutSeconds) {
            return new AuthPending(client.has(IvProto.AUTH_PENDING_KW) ? OptionalInt.of(timeoutSeconds)
                    : OptionalInt.empty(), List.of());
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder("AUTH_PENDING");
            String sep = ",";
            if (timeoutSeconds.isPresent()) {
                b.append(sep).append("timeout ").append(Integer.toUnsignedString(timeoutSeconds.getAsInt()));
            }
            for (String k : otherKeywords) {
                b.append(sep).append(k);
            }
            return b.toString();
        }
    }

    /** Client to server: the answer to a {@code CR_TEXT} challenge, base64 as the client sends it. */
    record CrResponse(String response) implements ControlText {
        public CrResponse {
            checkPrintable(response);
        }

        @Override
        public String text() {
            return "CR_RESPONSE," + response;
        }
    }

    /** Refuses what OpenVPN's reader would drop: NUL and other control characters, DEL. */
    static void checkPrintable(String s) {
        Objects.requireNonNull(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c == 127) {
                throw new IllegalArgumentException("control character in control message text: " + s);
            }
        }
    }

    /** Cuts {@code s} to at most {@code maxBytes} of UTF-8 without splitting a character. */
    static String truncate(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        int end = 0;
        int bytes = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
