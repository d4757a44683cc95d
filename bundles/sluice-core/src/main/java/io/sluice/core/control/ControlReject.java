package io.sluice.core.control;

/**
 * Why something a peer sent on the control channel was not accepted. Each is counted (see
 * {@link ControlRejectCounters}) so an operator can tell a broken or hostile peer from a
 * misconfigured one.
 */
public enum ControlReject {
    /** Ends before a field its layout or its own length says is there. */
    TRUNCATED("truncated"),
    /** Longer than the maximum this decoder was given. */
    OVERSIZE("oversize"),
    /** The key method byte's low four bits are not 2 (ssl.h {@code KEY_METHOD_MASK}). */
    BAD_KEY_METHOD("unknown key method"),
    /** The options string is longer than OpenVPN's {@code TLS_OPTIONS_LEN}. */
    OPTIONS_TOO_LONG("options string too long"),
    /** A string is not valid UTF-8. */
    MALFORMED_STRING("malformed string"),
    /** A text message holds a control character (OpenVPN drops these, ssl_pkt.c). */
    INVALID_CHARACTERS("control message with invalid characters"),
    /** Bytes after the last NUL of a plaintext read: OpenVPN drops an unterminated message. */
    UNTERMINATED("unterminated control message"),
    /** A text message OpenVPN 2.6 does not know. */
    UNKNOWN_MESSAGE("unknown control message"),
    /** A PUSH_ message that is neither PUSH_REQUEST nor a well-formed PUSH_REPLY. */
    BAD_PUSH_MESSAGE("bad push/pull message"),
    /** A push-continuation value other than 0, 1 or 2 (push.c treats it as an error). */
    BAD_PUSH_CONTINUATION("bad push-continuation"),
    /** A pushed option matched a {@code pull-filter reject} rule. */
    REJECTED_BY_PULL_FILTER("pushed option rejected by pull-filter");

    private final String description;

    ControlReject(String description) {
        this.description = description;
    }

    /** A short lower-case phrase for logs. */
    public String description() {
        return description;
    }
}
