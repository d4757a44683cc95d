package io.sluice.core.control;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The key method 2 message: the first thing each side writes into the TLS session (ssl.c
 * {@code key_method_2_write}). Layout:
 * <pre>
 * uint32 0                       (ignored by the reader)
 * uint8  key method | flags      (low four bits 2)
 * [48]   pre-master secret       (client only)
 * [32]   random1
 * [32]   random2
 * string options                 (the OCC string, see {@link OptionsString})
 * string username                (absent unless the client uses auth-user-pass or an auth-token)
 * string password
 * string peer info               (IV_/UV_ lines; a p2mp server sends it absent)
 * </pre>
 * Strings as {@link OpenVpnString}. A server's message has no pre-master and, in OpenVPN 2.6
 * multi-client mode, absent username, password and peer info (init.c sets
 * {@code push_peer_info_detail} to 0 for a server).
 *
 * <p>Immutable; byte arrays are copied in and out. {@link #toString()} shows no secrets.
 */
public final class KeyMethod2Message {

    /** ssl.h {@code KEY_METHOD_2}. */
    public static final int KEY_METHOD_2 = 2;
    /** ssl.h {@code KEY_METHOD_MASK}: the key method is the low four bits; the rest are flags. */
    public static final int KEY_METHOD_MASK = 0x0F;
    /** crypto.h {@code struct key_source}: {@code pre_master[48]}. */
    public static final int PRE_MASTER_LENGTH = 48;
    /** crypto.h {@code struct key_source}: {@code random1[32]}, {@code random2[32]}. */
    public static final int RANDOM_LENGTH = 32;
    /** ssl.h {@code TLS_OPTIONS_LEN}: the options string's largest length, NUL included. */
    public static final int TLS_OPTIONS_LEN = 512;
    /** common.h {@code TLS_CHANNEL_BUF_SIZE}: the largest single control-channel message. */
    public static final int TLS_CHANNEL_BUF_SIZE = 2048;
    /**
     * The reason OpenVPN gives a client whose username or password does not fit (ssl.c
     * {@code key_method_2_read}); the number is in OpenVPN's text whatever its build's limit.
     */
    public static final String CREDENTIALS_TOO_LONG_REASON =
            "Username or password is too long. Maximum length is 128 bytes";

    /** Bytes before the options string in a client's message: zero, method, key source. */
    static final int CLIENT_FIXED_LENGTH = 4 + 1 + PRE_MASTER_LENGTH + 2 * RANDOM_LENGTH;
    /** Bytes before the options string in a server's message. */
    static final int SERVER_FIXED_LENGTH = 4 + 1 + 2 * RANDOM_LENGTH;

    private final boolean fromClient;
    private final int keyMethodByte;
    private final byte[] preMaster;
    private final byte[] random1;
    private final byte[] random2;
    private final String options;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> peerInfo;
    private final boolean credentialsTooLong;

    private KeyMethod2Message(boolean fromClient, int keyMethodByte, byte[] preMaster, byte[] random1,
                              byte[] random2, String options, Optional<String> username,
                              Optional<String> password, Optional<String> peerInfo, boolean credentialsTooLong) {
        if ((keyMethodByte & ~0xFF) != 0 || (keyMethodByte & KEY_METHOD_MASK) != KEY_METHOD_2) {
            throw new IllegalArgumentException("not a key method 2 byte: " + keyMethodByte);
        }
        this.fromClient = fromClient;
        this.keyMethodByte = keyMethodByte;
        this.preMaster = fromClient ? copy(preMaster, PRE_MASTER_LENGTH, "preMaster") : new byte[0];
        this.random1 = copy(random1, RANDOM_LENGTH, "random1");
        this.random2 = copy(random2, RANDOM_LENGTH, "random2");
        this.options = Objects.requireNonNull(options, "options");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.peerInfo = Objects.requireNonNull(peerInfo, "peerInfo");
        this.credentialsTooLong = credentialsTooLong;
        checkText(options, "options");
        username.ifPresent(u -> checkText(u, "username"));
        password.ifPresent(p -> checkText(p, "password"));
        peerInfo.ifPresent(p -> checkText(p, "peerInfo"));
    }

    /**
     * A client's message.
     *
     * @param username absent to send none (no auth-user-pass); present, even empty, to send it
     * @param peerInfo the IV_/UV_ lines, each ending in a newline, or absent
     */
    public static KeyMethod2Message client(byte[] preMaster, byte[] random1, byte[] random2, String options,
                                           Optional<String> username, Optional<String> password,
                                           Optional<String> peerInfo) {
        return new KeyMethod2Message(true, KEY_METHOD_2, preMaster, random1, random2, options, username,
                password, peerInfo, false);
    }

    /** A server's message as an OpenVPN 2.6 multi-client server writes it: no credentials or peer info. */
    public static KeyMethod2Message server(byte[] random1, byte[] random2, String options) {
        return server(random1, random2, options, Optional.empty());
    }

    /** A server's message with peer info (as a peer-to-peer TLS server sends). */
    public static KeyMethod2Message server(byte[] random1, byte[] random2, String options, Optional<String> peerInfo) {
        return new KeyMethod2Message(false, KEY_METHOD_2, null, random1, random2, options, Optional.empty(),
                Optional.empty(), peerInfo, false);
    }

    /** For the decoder: everything as received. */
    static KeyMethod2Message received(boolean fromClient, int keyMethodByte, byte[] preMaster, byte[] random1,
                                      byte[] random2, String options, Optional<String> username,
                                      Optional<String> password, Optional<String> peerInfo,
                                      boolean credentialsTooLong) {
        return new KeyMethod2Message(fromClient, keyMethodByte, preMaster, random1, random2, options, username,
                password, peerInfo, credentialsTooLong);
    }

    private static byte[] copy(byte[] bytes, int length, String name) {
        Objects.requireNonNull(bytes, name);
        if (bytes.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes: " + bytes.length);
        }
        return bytes.clone();
    }

    private static void checkText(String s, String name) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " holds a NUL");
        }
    }

    /** Whether a client wrote this (it then carries a pre-master secret). */
    public boolean fromClient() {
        return fromClient;
    }

    /** The key method byte as sent: 2 in the low bits, flags (none defined by 2.6) above. */
    public int keyMethodByte() {
        return keyMethodByte;
    }

    /** The client's 48-byte pre-master secret; empty for a server's message. */
    public byte[] preMaster() {
        return preMaster.clone();
    }

    public byte[] random1() {
        return random1.clone();
    }

    public byte[] random2() {
        return random2.clone();
    }

    /** The peer's options (OCC) string, e.g. {@code V4,dev-type tun,...,tls-client}. */
    public String options() {
        return options;
    }

    /** The username; absent when the peer sent none (length 0), present and empty for length 1. */
    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    /** The raw peer info text, absent when the peer sent none. Parse with {@link PeerInfo#parse}. */
    public Optional<String> peerInfo() {
        return peerInfo;
    }

    /**
     * True when the received username or password exceeded the decoder's limit. OpenVPN then
     * drops both and fails authentication with {@link #CREDENTIALS_TOO_LONG_REASON} rather than
     * dropping the connection, so the client learns why.
     */
    public boolean credentialsTooLong() {
        return credentialsTooLong;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyMethod2Message m && fromClient == m.fromClient && keyMethodByte == m.keyMethodByte
                && Arrays.equals(preMaster, m.preMaster) && Arrays.equals(random1, m.random1)
                && Arrays.equals(random2, m.random2) && options.equals(m.options) && username.equals(m.username)
                && password.equals(m.password) && peerInfo.equals(m.peerInfo)
                && credentialsTooLong == m.credentialsTooLong;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromClient, keyMethodByte, Arrays.hashCode(random1), options, username, peerInfo);
    }

    @Override
    public String toString() {
        return "KeyMethod2Message{" + (fromClient ? "client" : "server") + ", options='" + options + "'"
                + ", username=" + username.orElse("<none>") + ", password=" + (password.isPresent() ? "<set>" : "<none>")
                + ", peerInfo=" + peerInfo.map(p -> p.length() + " chars").orElse("<none>")
                + (credentialsTooLong ? ", credentials too long" : "") + "}";
    }
}
