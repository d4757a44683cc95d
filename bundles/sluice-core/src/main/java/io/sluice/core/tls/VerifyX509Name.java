package io.sluice.core.tls;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code verify-x509-name NAME [subject|name|name-prefix]}: accept only a peer whose
 * certificate carries this name.
 *
 * @param type  what {@code value} is compared with
 * @param value the expected subject (in OpenVPN's format, such as {@code C=KG, O=Org, CN=server})
 *              or common name (or its prefix)
 */
public record VerifyX509Name(Type type, String value) {

    public enum Type {
        /** The whole subject, as OpenVPN prints it, must equal the value (the default). */
        SUBJECT,
        /** The common name must equal the value. */
        NAME,
        /** The common name must start with the value. */
        NAME_PREFIX
    }

    public VerifyX509Name {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("verify-x509-name: empty name");
        }
    }

    /** Parses the type argument of {@code verify-x509-name}; {@code null} means the default, {@code subject}. */
    public static VerifyX509Name forOption(String value, String type) {
        if (type == null) {
            return new VerifyX509Name(Type.SUBJECT, value);
        }
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "subject":
                return new VerifyX509Name(Type.SUBJECT, value);
            case "name":
                return new VerifyX509Name(Type.NAME, value);
            case "name-prefix":
                return new VerifyX509Name(Type.NAME_PREFIX, value);
            default:
                throw new IllegalArgumentException(
                        "verify-x509-name: unknown type '" + type + "' (expected subject, name or name-prefix)");
        }
    }

    /** Whether a peer with this (OpenVPN-formatted) subject and common name passes. */
    boolean matches(String subject, String commonName) {
        switch (type) {
            case SUBJECT:
                return value.equals(subject);
            case NAME:
                return value.equals(commonName);
            case NAME_PREFIX:
                return commonName.startsWith(value);
            default:
                throw new AssertionError(type);
        }
    }
}
