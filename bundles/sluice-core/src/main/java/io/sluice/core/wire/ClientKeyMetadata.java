package io.sluice.core.wire;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata wrapped with a tls-crypt-v2 client key: a type byte, then the type's bytes
 * (tls_crypt.c). {@code openvpn --genkey tls-crypt-v2-client FILE} without metadata writes
 * {@link #TYPE_TIMESTAMP} and the creation time as 8 big-endian bytes of Unix seconds, which
 * {@code tls-crypt-v2-max-age} reads; with base64 metadata it writes {@link #TYPE_USER} and
 * the decoded bytes, which only a {@code tls-crypt-v2-verify} script interprets.
 *
 * @param raw the type byte and the value, as unwrapped; may be empty (a forged or odd key)
 */
public record ClientKeyMetadata(byte[] raw) {

    /** tls_crypt.c {@code TLS_CRYPT_METADATA_TYPE_USER}. */
    public static final int TYPE_USER = 0x00;
    /** tls_crypt.c {@code TLS_CRYPT_METADATA_TYPE_TIMESTAMP}. */
    public static final int TYPE_TIMESTAMP = 0x01;
    /** tls_crypt.h {@code TLS_CRYPT_V2_MAX_METADATA_LEN}: what is left of the largest WKc after Kc, tag and length. */
    public static final int MAX_LENGTH = WireConstants.MAX_WRAPPED_CLIENT_KEY_LENGTH
            - (io.sluice.core.keys.Key2.LENGTH + TlsCryptWrapper.TAG_LENGTH + 2);

    public ClientKeyMetadata {
        Objects.requireNonNull(raw, "raw");
        if (raw.length > MAX_LENGTH) {
            throw new IllegalArgumentException("metadata of " + raw.length + " bytes exceeds " + MAX_LENGTH);
        }
        raw = raw.clone();
    }

    /** A timestamp, as {@code --genkey tls-crypt-v2-client} writes without metadata. */
    public static ClientKeyMetadata timestamp(Instant when) {
        return new ClientKeyMetadata(ByteBuffer.allocate(9).put((byte) TYPE_TIMESTAMP)
                .putLong(when.getEpochSecond()).array());
    }

    /** User metadata: {@link #TYPE_USER} then {@code value}. */
    public static ClientKeyMetadata user(byte[] value) {
        if (value.length > MAX_LENGTH - 1) {
            throw new IllegalArgumentException("metadata too long (" + value.length + " bytes, max " + (MAX_LENGTH - 1)
                    + " bytes)");
        }
        byte[] raw = new byte[value.length + 1];
        raw[0] = TYPE_USER;
        System.arraycopy(value, 0, raw, 1, value.length);
        return new ClientKeyMetadata(raw);
    }

    /** The type byte, or -1 if there is none. */
    public int type() {
        return raw.length == 0 ? -1 : raw[0] & 0xff;
    }

    /** The bytes after the type byte: what a verify script finds in {@code metadata_file}. */
    public byte[] value() {
        return raw.length == 0 ? new byte[0] : Arrays.copyOfRange(raw, 1, raw.length);
    }

    /** The creation time of a timestamp key; empty for any other type or a value too short. */
    public Optional<Instant> timestamp() {
        if (type() != TYPE_TIMESTAMP || raw.length < 1 + Long.BYTES) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(ByteBuffer.wrap(raw, 1, Long.BYTES).getLong()));
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientKeyMetadata other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "ClientKeyMetadata[type " + type() + ", " + Base64.getEncoder().encodeToString(value()) + "]";
    }
}
