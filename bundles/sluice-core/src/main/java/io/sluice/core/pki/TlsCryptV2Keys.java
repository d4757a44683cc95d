package io.sluice.core.pki;

import io.sluice.core.keys.Key2;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.wire.ClientKeyMetadata;
import io.sluice.core.wire.ClientKeyWrapping;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.UnwrappedClientKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * New tls-crypt-v2 keys ({@code --genkey tls-crypt-v2-server}, {@code --genkey
 * tls-crypt-v2-client}), in the files OpenVPN writes and reads (tls_crypt.c
 * {@code tls_crypt_v2_write_server_key_file}, {@code tls_crypt_v2_write_client_key_file}).
 * Files are created owner-only, complete or not at all, and never over an existing file (it
 * may be a key that is in use).
 */
public final class TlsCryptV2Keys {

    private TlsCryptV2Keys() {
    }

    /**
     * Creates a new server key file at {@code target}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
     */
    public static void createServerKey(Path target, SecureRandom random) throws IOException {
        write(target, TlsCryptV2ServerKey.generate(random).fileText());
    }

    /** A new server key's text, for standard output. */
    public static String serverKeyText(SecureRandom random) {
        return text(TlsCryptV2ServerKey.generate(random).fileText());
    }

    /**
     * Creates a new client key file at {@code target}: a random Kc, wrapped under the server
     * key with the metadata OpenVPN would wrap; the result is unwrapped again before it is
     * written, as OpenVPN checks its own output.
     *
     * @param serverKeyText  the text of the server key file ({@code --tls-crypt-v2 FILE})
     * @param base64Metadata {@code --genkey tls-crypt-v2-client FILE METADATA}: user metadata in
     *                       base64; without it, the creation time ({@code now}), which
     *                       {@code tls-crypt-v2-max-age} reads
     * @throws IllegalArgumentException when the server key or the metadata is not valid (the
     *                                  message is OpenVPN's)
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
     */
    public static void createClientKey(Path target, String serverKeyText, Optional<String> base64Metadata,
                                       Instant now, SecureRandom random) throws IOException {
        write(target, newClientKey(serverKey(serverKeyText), metadata(base64Metadata, now), random).fileText());
    }

    /** A new client key's text, for standard output; as {@link #createClientKey}. */
    public static String clientKeyText(String serverKeyText, Optional<String> base64Metadata, Instant now,
                                       SecureRandom random) {
        return text(newClientKey(serverKey(serverKeyText), metadata(base64Metadata, now), random).fileText());
    }

    private static TlsCryptV2ServerKey serverKey(String text) {
        try {
            return TlsCryptV2ServerKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ERROR: invalid tls-crypt-v2 server key format (" + e.getMessage() + ")");
        }
    }

    /** tls_crypt.c {@code tls_crypt_v2_write_client_key_file}: user metadata, or a timestamp. */
    static ClientKeyMetadata metadata(Optional<String> base64, Instant now) {
        if (base64.isEmpty()) {
            return ClientKeyMetadata.timestamp(now);
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(base64.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ERROR: failed to base64 decode provided metadata");
        }
        if (value.length > ClientKeyMetadata.MAX_LENGTH - 1) {
            throw new IllegalArgumentException("ERROR: metadata too long (" + value.length + " bytes, max "
                    + (ClientKeyMetadata.MAX_LENGTH - 1) + " bytes)");
        }
        return ClientKeyMetadata.user(value);
    }

    static TlsCryptV2ClientKey newClientKey(TlsCryptV2ServerKey serverKey, ClientKeyMetadata metadata,
                                            SecureRandom random) {
        byte[] raw = new byte[Key2.LENGTH];
        random.nextBytes(raw);
        Key2 kc = Key2.of(raw);
        Arrays.fill(raw, (byte) 0);
        try {
            ClientKeyWrapping wrapping = new ClientKeyWrapping(serverKey);
            byte[] wkc = wrapping.wrap(kc, metadata);
            Decoded<UnwrappedClientKey> check = wrapping.unwrap(ByteBuffer.wrap(wkc), 0, wkc.length);
            if (!check.isOk() || !check.value().metadata().equals(metadata)
                    || !Arrays.equals(check.value().kc().toByteArray(), kc.toByteArray())) {
                throw new IllegalStateException("tls-crypt-v2: a new client key did not unwrap to itself");
            }
            check.value().kc().destroy();
            return new TlsCryptV2ClientKey(kc, wkc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls-crypt-v2: the JVM offers no AES-256-CTR or HMAC-SHA256", e);
        }
    }

    private static void write(Path target, byte[] text) throws IOException {
        try {
            new AtomicFiles().createNew(target, text, AtomicFiles.OWNER_ONLY);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    private static String text(byte[] bytes) {
        try {
            return new String(bytes, StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
