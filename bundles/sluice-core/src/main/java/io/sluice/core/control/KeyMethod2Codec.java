package io.sluice.core.control;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link KeyMethod2Message}s to and from bytes, as OpenVPN 2.6's {@code key_method_2_write}
 * and {@code key_method_2_read} (ssl.c) do.
 *
 * <p>What the decoder tolerates, because OpenVPN does and real peers rely on some of it: any
 * value in the leading uint32 (OpenVPN skips it); flag bits above the key method; an empty
 * options string; a message that ends right after the options string or after the password
 * (old clients sent no peer info); a string whose last byte is not a NUL (OpenVPN overwrites
 * it); bytes after the peer info (OpenVPN ignores them). A username or password longer than
 * the limit is skipped and flagged ({@link KeyMethod2Message#credentialsTooLong()}), not
 * rejected, so the server can tell the client why it failed.
 *
 * <p>What it rejects: a message over the limit, a wrong key method, a missing key source or
 * options string, an options string over {@code TLS_OPTIONS_LEN}, a length field that runs
 * past the end, strings that are not UTF-8. OpenVPN reads some of these as empty values; a
 * peer that sends them is broken, and refusing is the safer reading.
 *
 * <p>Thread-safe; rejections are counted in the given {@link ControlRejectCounters}.
 */
public final class KeyMethod2Codec {

    private final KeyMethod2Limits limits;
    private final ControlRejectCounters rejects;

    public KeyMethod2Codec(KeyMethod2Limits limits, ControlRejectCounters rejects) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /** Bytes {@link #encode} writes for {@code message}. */
    public static int encodedLength(KeyMethod2Message message) {
        int length = message.fromClient() ? KeyMethod2Message.CLIENT_FIXED_LENGTH
                : KeyMethod2Message.SERVER_FIXED_LENGTH;
        length += OpenVpnString.encodedLength(message.options());
        length += optionalLength(message.username()) + optionalLength(message.password());
        return length + optionalLength(message.peerInfo());
    }

    private static int optionalLength(Optional<String> s) {
        return s.map(OpenVpnString::encodedLength).orElse(2);
    }

    /**
     * The message's bytes, as OpenVPN writes them: a zero uint32, the key method byte, the key
     * source, the options string (at most {@code TLS_OPTIONS_LEN} with its NUL), username,
     * password and peer info, each absent as a zero length.
     *
     * @throws IllegalArgumentException if the options string is too long
     */
    public static byte[] encode(KeyMethod2Message message) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(message));
        out.putInt(0);
        out.put((byte) message.keyMethodByte());
        if (message.fromClient()) {
            out.put(message.preMaster());
        }
        out.put(message.random1()).put(message.random2());
        OpenVpnString.write(out, message.options(), KeyMethod2Message.TLS_OPTIONS_LEN);
        writeOptional(out, message.username());
        writeOptional(out, message.password());
        writeOptional(out, message.peerInfo());
        return out.array();
    }

    private static void writeOptional(ByteBuffer out, Optional<String> s) {
        if (s.isPresent()) {
            OpenVpnString.write(out, s.get(), OpenVpnString.MAX_ENCODED);
        } else {
            OpenVpnString.writeAbsent(out);
        }
    }

    /**
     * Decodes the message between {@code in}'s position and limit; the buffer's position and
     * limit are as before on return.
     *
     * @param fromClient whether a client sent it (it then carries a pre-master secret): a
     *                   server decodes with {@code true}, a client with {@code false}
     */
    public Parsed<KeyMethod2Message> decode(ByteBuffer in, boolean fromClient) {
        int position = in.position();
        int limit = in.limit();
        try {
            return decodeUnchecked(in.slice(), fromClient);
        } finally {
            in.limit(limit).position(position);
        }
    }

    /**
     * As {@link #decode}, but on success advances {@code in} past the message, leaving whatever
     * the peer sent after it (a control-channel text such as {@code PUSH_REPLY} can follow in the
     * same burst of TLS application data) for the caller. On a rejection the position is unchanged.
     */
    public Parsed<KeyMethod2Message> decodeConsuming(ByteBuffer in, boolean fromClient) {
        ByteBuffer view = in.slice();
        // What follows the message does not count against its size limit.
        view.limit(Math.min(view.limit(), limits.maxMessageLength()));
        Parsed<KeyMethod2Message> parsed = decodeUnchecked(view, fromClient);
        if (parsed.isOk()) {
            in.position(in.position() + view.position());
        }
        return parsed;
    }

    private Parsed<KeyMethod2Message> decodeUnchecked(ByteBuffer in, boolean fromClient) {
        if (in.remaining() > limits.maxMessageLength()) {
            return reject(ControlReject.OVERSIZE);
        }
        if (in.remaining() < 5) {
            return reject(ControlReject.TRUNCATED);
        }
        in.getInt(); // OpenVPN writes 0 and skips whatever is there.
        int keyMethod = in.get() & 0xFF;
        if ((keyMethod & KeyMethod2Message.KEY_METHOD_MASK) != KeyMethod2Message.KEY_METHOD_2) {
            return reject(ControlReject.BAD_KEY_METHOD);
        }
        int sourceLength = (fromClient ? KeyMethod2Message.PRE_MASTER_LENGTH : 0) + 2 * KeyMethod2Message.RANDOM_LENGTH;
        if (in.remaining() < sourceLength) {
            return reject(ControlReject.TRUNCATED);
        }
        byte[] preMaster = new byte[KeyMethod2Message.PRE_MASTER_LENGTH];
        if (fromClient) {
            in.get(preMaster);
        }
        byte[] random1 = new byte[KeyMethod2Message.RANDOM_LENGTH];
        byte[] random2 = new byte[KeyMethod2Message.RANDOM_LENGTH];
        in.get(random1).get(random2);

        if (in.remaining() < 2) {
            return reject(ControlReject.TRUNCATED);
        }
        int optionsLength = in.getShort() & 0xFFFF;
        if (optionsLength > limits.maxOptionsLength()) {
            return reject(ControlReject.OPTIONS_TOO_LONG);
        }
        String options = "";
        if (optionsLength > 0) {
            if (in.remaining() < optionsLength) {
                return reject(ControlReject.TRUNCATED);
            }
            options = OpenVpnString.decode(in, optionsLength);
            if (options == null) {
                return reject(ControlReject.MALFORMED_STRING);
            }
        }

        Field username = readField(in, limits.maxCredentialLength());
        Field password = username.end ? username : readField(in, limits.maxCredentialLength());
        Field peerInfo = password.end ? password : readField(in, Integer.MAX_VALUE);
        for (Field f : new Field[] {username, password, peerInfo}) {
            if (f.reject != null) {
                return reject(f.reject);
            }
        }
        boolean tooLong = username.tooLong || password.tooLong;
        Optional<String> user = tooLong ? Optional.empty() : Optional.ofNullable(username.value);
        Optional<String> pass = tooLong ? Optional.empty() : Optional.ofNullable(password.value);
        return Parsed.ok(KeyMethod2Message.received(fromClient, keyMethod, preMaster, random1, random2, options,
                user, pass, Optional.ofNullable(peerInfo.value), tooLong));
    }

    /** One trailing string: its value (null if absent), or that the message ended, or why not. */
    private record Field(String value, boolean end, boolean tooLong, ControlReject reject) {
        static final Field END = new Field(null, true, false, null);
        static final Field ABSENT = new Field(null, false, false, null);
    }

    private static Field readField(ByteBuffer in, int maxLength) {
        if (!in.hasRemaining()) {
            return Field.END;
        }
        if (in.remaining() < 2) {
            return new Field(null, false, false, ControlReject.TRUNCATED);
        }
        int length = in.getShort() & 0xFFFF;
        if (length == 0) {
            return Field.ABSENT;
        }
        if (in.remaining() < length) {
            return new Field(null, false, false, ControlReject.TRUNCATED);
        }
        if (length > maxLength) {
            in.position(in.position() + length);
            return new Field(null, false, true, null);
        }
        String value = OpenVpnString.decode(in, length);
        return value == null ? new Field(null, false, false, ControlReject.MALFORMED_STRING)
                : new Field(value, false, false, null);
    }

    private <T> Parsed<T> reject(ControlReject reason) {
        return Parsed.rejected(rejects.count(reason));
    }
}
