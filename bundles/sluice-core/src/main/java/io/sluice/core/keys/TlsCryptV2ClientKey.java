package io.sluice.core.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tls-crypt-v2 client key ({@code openvpn --genkey tls-crypt-v2-client}): the client's own
 * tls-crypt key Kc (a 256-byte {@link Key2}) followed by WKc, that key wrapped under the
 * server key with its metadata, in one PEM block named {@value #PEM_NAME} (tls_crypt.c
 * {@code tls_crypt_v2_init_client_key}). The client uses Kc as a tls-crypt key and sends WKc
 * as it is, which it cannot read.
 *
 * @param kc  the client's tls-crypt key
 * @param wkc the wrapped client key, as sent after the client's reset
 */
public record TlsCryptV2ClientKey(Key2 kc, byte[] wkc) {

    /** tls_crypt.c {@code tls_crypt_v2_cli_pem_name}. */
    public static final String PEM_NAME = "OpenVPN tls-crypt-v2 client key";
    /** tls_crypt.h {@code TLS_CRYPT_V2_MAX_WKC_LEN}: the most bytes WKc may have. */
    public static final int MAX_WKC_LENGTH = 1024;

    public TlsCryptV2ClientKey {
        Objects.requireNonNull(kc, "kc");
        Objects.requireNonNull(wkc, "wkc");
        if (wkc.length == 0 || wkc.length > MAX_WKC_LENGTH) {
            throw new IllegalArgumentException("wrapped client key of " + wkc.length + " bytes (1 to "
                    + MAX_WKC_LENGTH + ")");
        }
        wkc = wkc.clone();
    }

    /**
     * Reads a client key file's text. OpenVPN checks WKc only when the server unwraps it, so
     * only its size is checked here.
     *
     * @throws IllegalArgumentException when it is not a tls-crypt-v2 client key
     */
    public static TlsCryptV2ClientKey parse(CharSequence text) {
        byte[] raw = PemKeyBlock.decode(PEM_NAME, text);
        try {
            if (raw.length <= Key2.LENGTH) {
                throw new IllegalArgumentException("not enough data in tls-crypt-v2 client key (" + raw.length
                        + " bytes)");
            }
            return new TlsCryptV2ClientKey(Key2.of(Arrays.copyOf(raw, Key2.LENGTH)),
                    Arrays.copyOfRange(raw, Key2.LENGTH, raw.length));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The key file's text, as bytes the caller wipes after writing. */
    public byte[] fileText() {
        byte[] kcBytes = kc.toByteArray();
        byte[] raw = Arrays.copyOf(kcBytes, kcBytes.length + wkc.length);
        System.arraycopy(wkc, 0, raw, kcBytes.length, wkc.length);
        try {
            return PemKeyBlock.encode(PEM_NAME, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(kcBytes, (byte) 0);
        }
    }

    @Override
    public byte[] wkc() {
        return wkc.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsCryptV2ClientKey other && Arrays.equals(kc.toByteArray(), other.kc.toByteArray())
                && Arrays.equals(wkc, other.wkc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wkc);
    }

    @Override
    public String toString() {
        return "TlsCryptV2ClientKey[wkc " + wkc.length + " bytes]";
    }
}
