package io.sluice.core.control;

/**
 * How much of a key method 2 message a decoder accepts. Explicit so that what a session holds
 * before authentication is bounded by configuration, not by what a peer chooses to send.
 *
 * @param maxMessageLength    the largest whole message
 * @param maxOptionsLength    the largest options string length field, NUL included
 * @param maxCredentialLength the largest username or password length field, NUL included;
 *                            a longer one is not a protocol error but an authentication failure
 *                            ({@link KeyMethod2Message#credentialsTooLong()}), as in OpenVPN
 */
public record KeyMethod2Limits(int maxMessageLength, int maxOptionsLength, int maxCredentialLength) {

    /**
     * OpenVPN 2.6's own: a plaintext read buffer of {@code TLS_CHANNEL_BUF_SIZE} (2048, common.h)
     * which the whole message must fit, {@code TLS_OPTIONS_LEN} (512, ssl.h), and
     * {@code USER_PASS_LEN} as distribution builds have it (4096 with PKCS#11 enabled, misc.h;
     * 128 without).
     */
    public static final KeyMethod2Limits DEFAULT = new KeyMethod2Limits(
            KeyMethod2Message.TLS_CHANNEL_BUF_SIZE, KeyMethod2Message.TLS_OPTIONS_LEN, 4096);

    public KeyMethod2Limits {
        if (maxMessageLength < KeyMethod2Message.CLIENT_FIXED_LENGTH) {
            throw new IllegalArgumentException("maxMessageLength too small: " + maxMessageLength);
        }
        if (maxOptionsLength < 1 || maxOptionsLength > OpenVpnString.MAX_ENCODED) {
            throw new IllegalArgumentException("maxOptionsLength must be 1.." + OpenVpnString.MAX_ENCODED);
        }
        if (maxCredentialLength < 1 || maxCredentialLength > OpenVpnString.MAX_ENCODED) {
            throw new IllegalArgumentException("maxCredentialLength must be 1.." + OpenVpnString.MAX_ENCODED);
        }
    }
}
