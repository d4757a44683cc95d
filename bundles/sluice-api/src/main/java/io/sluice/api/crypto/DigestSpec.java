package io.sluice.api.crypto;

import java.util.Locale;
import java.util.Objects;

/**
 * A message digest by its OpenVPN name ({@code SHA256}, {@code SHA1}, {@code MD5} ...; see
 * {@code openvpn --show-digests}).
 *
 * @param name   OpenVPN's upper-case name
 * @param length output length in bytes (also the HMAC key length OpenVPN uses)
 */
public record DigestSpec(String name, int length) {

    public DigestSpec {
        Objects.requireNonNull(name, "name");
        name = name.toUpperCase(Locale.ROOT);
        if (length < 1) {
            throw new IllegalArgumentException(name + ": digest length must be positive");
        }
    }
}
