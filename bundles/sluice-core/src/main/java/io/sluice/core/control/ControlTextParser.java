package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a text message (one from {@link ControlTextFramer}) the way OpenVPN 2.6 dispatches it
 * (forward.c {@code parse_incoming_control_channel_command}): by prefix, in this order —
 * AUTH_FAILED, PUSH_, RESTART, HALT, INFO_PRE, INFO, CR_RESPONSE, AUTH_PENDING, EXIT — so
 * {@code EXITING} is an EXIT and {@code INFO_PRE...} is never an INFO. A message's text is
 * taken only after a comma directly behind the keyword ({@code RESTART,text}); anything else
 * after the keyword is ignored, as OpenVPN ignores it.
 *
 * <p>PUSH_REPLY is split into its options here, on every comma (commas cannot be quoted);
 * empty options are dropped as OpenVPN skips them. A PUSH_ message that is neither
 * PUSH_REQUEST nor PUSH_REPLY followed by a comma or the end is rejected.
 *
 * <p>Thread-safe; rejections are counted.
 */
public final class ControlTextParser {

    /** options.h {@code OPTION_PARM_SIZE}: OpenVPN reads each pushed option into 256 bytes. */
    public static final int MAX_PUSHED_OPTION_LENGTH = 255;

    private final ControlRejectCounters rejects;

    public ControlTextParser(ControlRejectCounters rejects) {
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    public Parsed<ControlText> parse(String message) {
        Objects.requireNonNull(message, "message");
        if (message.startsWith("AUTH_FAILED")) {
            String rest = message.substring("AUTH_FAILED".length());
            // push.c receive_auth_failed: the reason is what follows "AUTH_FAILED,", if anything.
            Optional<String> reason = rest.startsWith(",") && rest.length() > 1 ? Optional.of(rest.substring(1))
                    : Optional.empty();
            return Parsed.ok(new ControlText.AuthFailed(reason));
        }
        if (message.startsWith("PUSH_")) {
            if (message.startsWith("PUSH_REQUEST")) {
                return Parsed.ok(ControlText.PushRequest.INSTANCE);
            }
            if (message.startsWith("PUSH_REPLY")) {
                String rest = message.substring("PUSH_REPLY".length());
                if (rest.isEmpty()) {
                    return Parsed.ok(new ControlText.PushReply(List.of()));
                }
                if (rest.charAt(0) == ',') {
                    return Parsed.ok(new ControlText.PushReply(pushedOptions(rest.substring(1))));
                }
            }
            return reject(ControlReject.BAD_PUSH_MESSAGE);
        }
        if (message.startsWith("RESTART")) {
            return Parsed.ok(new ControlText.ServerSignal(true, argument(message, 7)));
        }
        if (message.startsWith("HALT")) {
            return Parsed.ok(new ControlText.ServerSignal(false, argument(message, 4)));
        }
        if (message.startsWith("INFO_PRE")) {
            return Parsed.ok(new ControlText.Info(true, argument(message, 8).orElse("")));
        }
        if (message.startsWith("INFO")) {
            return Parsed.ok(new ControlText.Info(false, argument(message, 4).orElse("")));
        }
        if (message.startsWith("CR_RESPONSE")) {
            return Parsed.ok(new ControlText.CrResponse(argument(message, 11).orElse("")));
        }
        if (message.startsWith("AUTH_PENDING")) {
            return Parsed.ok(authPending(argument(message, 12)));
        }
        if (message.startsWith("EXIT")) {
            return Parsed.ok(ControlText.Exit.INSTANCE);
        }
        return reject(ControlReject.UNKNOWN_MESSAGE);
    }

    /** push.c {@code server_pushed_signal}/{@code server_pushed_info}: text after "KEYWORD," if non-empty. */
    private static Optional<String> argument(String message, int keywordLength) {
        if (message.length() > keywordLength + 1 && message.charAt(keywordLength) == ',') {
            return Optional.of(message.substring(keywordLength + 1));
        }
        return Optional.empty();
    }

    /** push.c {@code parse_auth_pending_keywords}: {@code timeout n} is read, other keywords kept. */
    private static ControlText.AuthPending authPending(Optional<String> keywords) {
        OptionalInt timeout = OptionalInt.empty();
        List<String> other = new ArrayList<>();
        for (String k : keywords.map(ControlTextParser::pushedOptions).orElse(List.of())) {
            OptionalInt t = k.startsWith("timeout ") ? PeerInfo.scanInt(k.substring(8)) : OptionalInt.empty();
            if (t.isPresent() && t.getAsInt() >= 0) {
                timeout = t;
            } else {
                other.add(k);
            }
        }
        return new ControlText.AuthPending(timeout, other);
    }

    /**
     * Splits a push body on commas as options.c {@code apply_push_options} reads it with
     * {@code buf_parse}: empty pieces skipped, each cut to {@link #MAX_PUSHED_OPTION_LENGTH}.
     */
    static List<String> pushedOptions(String body) {
        List<String> out = new ArrayList<>();
        for (String piece : body.split(",", -1)) {
            if (!piece.isEmpty()) {
                out.add(piece.length() > MAX_PUSHED_OPTION_LENGTH ? piece.substring(0, MAX_PUSHED_OPTION_LENGTH) : piece);
            }
        }
        return out;
    }

    private <T> Parsed<T> reject(ControlReject reason) {
        return Parsed.rejected(rejects.count(reason));
    }
}
