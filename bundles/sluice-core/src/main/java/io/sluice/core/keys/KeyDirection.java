package io.sluice.core.keys;

/**
 * Which of the two keys in a {@link Key2} a peer sends with and which it receives with
 * (crypto.h {@code KEY_DIRECTION_*}, crypto.c {@code key_direction_state_init}).
 *
 * <p>The two peers of one tunnel must use opposite directions so that one's sending key is the
 * other's receiving key: after a TLS handshake the client is {@link #NORMAL} and the server
 * {@link #INVERSE} (ssl.c {@code init_key_contexts}); with a static key file the operator picks
 * 0, 1 or nothing ({@code --secret file [0|1]}, crypto.c {@code ascii2keydirection}).
 */
public enum KeyDirection {

    /** No direction given: both directions use {@code keys[0]}, so only half the file is used. */
    BIDIRECTIONAL(0, 0),
    /** Direction 0, and every TLS client: send with {@code keys[0]}, receive with {@code keys[1]}. */
    NORMAL(0, 1),
    /** Direction 1, and every TLS server: send with {@code keys[1]}, receive with {@code keys[0]}. */
    INVERSE(1, 0);

    private final int sendKey;
    private final int receiveKey;

    KeyDirection(int sendKey, int receiveKey) {
        this.sendKey = sendKey;
        this.receiveKey = receiveKey;
    }

    /** Index into {@link Key2} of the key this peer encrypts (and signs) with. */
    public int sendKey() {
        return sendKey;
    }

    /** Index into {@link Key2} of the key this peer decrypts (and verifies) with. */
    public int receiveKey() {
        return receiveKey;
    }

    /** The direction a TLS peer uses for keys from the PRF or the exporter. */
    public static KeyDirection forTls(boolean server) {
        return server ? INVERSE : NORMAL;
    }

    /**
     * The direction of a static key or {@code key-direction} option: {@code null} for none,
     * {@code "0"} or {@code "1"}.
     *
     * @throws IllegalArgumentException for anything else, as OpenVPN refuses it
     */
    public static KeyDirection forStaticKey(String direction) {
        if (direction == null) {
            return BIDIRECTIONAL;
        }
        return switch (direction) {
            case "0" -> NORMAL;
            case "1" -> INVERSE;
            default -> throw new IllegalArgumentException("key direction must be 0 or 1, not '" + direction + "'");
        };
    }
}
