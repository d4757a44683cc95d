package io.sluice.config.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The argument checks the option table uses. */
public final class ArgTypes {

    private ArgTypes() {
    }

    /** Any text. */
    public static final ArgType ANY = v -> null;

    /** A non-empty text. */
    public static final ArgType NON_EMPTY = v -> v.isEmpty() ? "the argument must not be empty" : null;

    /** A non-negative decimal integer that fits in an int. */
    public static final ArgType INT = range(0, Integer.MAX_VALUE);

    /** A decimal integer that may be negative. */
    public static final ArgType SIGNED_INT = range(Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** A non-negative decimal integer up to 2^63-1 (byte and packet counts). */
    public static final ArgType LONG = v -> parseLong(v).filter(x -> x >= 0).isPresent() ? null
            : "'" + v + "' is not a non-negative integer";

    /** A TCP/UDP port number. */
    public static final ArgType PORT = v -> parseLong(v).filter(x -> x >= 0 && x <= 65535).isPresent() ? null
            : "'" + v + "' is not a port number (0 to 65535)";

    /** An IPv4 address in dotted-quad form. */
    public static final ArgType IPV4 = v -> Addresses.isIpv4(v) ? null : "'" + v + "' is not an IPv4 address";

    /** A host name or address. */
    public static final ArgType HOST = v -> Addresses.isHost(v) ? null : "'" + v + "' is not a host name or address";

    /** An IPv6 address without prefix length. */
    public static final ArgType IPV6 = v -> Addresses.isIpv6(v) ? null : "'" + v + "' is not an IPv6 address";

    /** An IPv6 address with an optional prefix length. */
    public static final ArgType IPV6_NET = v -> Addresses.parseIpv6Net(v) != null ? null
            : "'" + v + "' is not an IPv6 address or network (address/bits)";

    /** An IPv6 network whose prefix is /64 to /124, as --server-ipv6 and friends require. */
    public static final ArgType IPV6_POOL_NET = v -> {
        Addresses.Ipv6Net n = Addresses.parseIpv6Net(v);
        if (n == null) {
            return "'" + v + "' is not an IPv6 network (address/bits)";
        }
        int bits = n.bits() < 0 ? 64 : n.bits();
        return bits < 64 || bits > 124 ? "the network must be between /64 and /124, not /" + bits : null;
    };

    /** One of the protocol names OpenVPN knows. */
    public static final ArgType PROTO = v -> io.sluice.config.Proto.fromKeyword(v).isPresent() ? null
            : "unknown protocol '" + v + "' (expected one of udp, tcp, tcp-server, tcp-client, udp4, udp6,"
                    + " tcp4, tcp6, tcp4-server, tcp6-server, tcp4-client, tcp6-client)";

    /** A key direction, 0 or 1. */
    public static final ArgType KEY_DIRECTION = oneOf("key direction", "0", "1");

    /** A data-channel cipher name. */
    public static final ArgType CIPHER = v -> CryptoNames.cipher(v).isPresent() ? null : "unknown cipher '" + v + "'";

    /** An HMAC digest name. */
    public static final ArgType DIGEST = v -> CryptoNames.digest(v).isPresent() ? null : "unknown digest '" + v + "'";

    /** A colon-separated --data-ciphers list; {@code ?} marks a cipher as optional. */
    public static final ArgType CIPHER_LIST = ArgTypes::cipherListProblem;

    /** A MAC address. */
    public static final ArgType MAC = v -> v.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}") ? null
            : "'" + v + "' is not a MAC address";

    /** A hexadecimal number. */
    public static final ArgType HEX = v -> v.matches("(0[xX])?[0-9A-Fa-f]{1,8}") ? null
            : "'" + v + "' is not a hexadecimal number";

    /** A TLS version. */
    public static final ArgType TLS_VERSION = oneOf("TLS version", "1.0", "1.1", "1.2", "1.3");

    /** An integer within bounds. */
    public static ArgType range(long min, long max) {
        return v -> {
            Optional<Long> x = parseLong(v);
            if (x.isEmpty()) {
                return "'" + v + "' is not " + (min < 0 ? "an integer" : "a non-negative integer");
            }
            if (x.get() < min || x.get() > max) {
                return "'" + v + "' is out of range (" + min + " to " + max + ")";
            }
            return null;
        };
    }

    /** One of a fixed set of keywords (case-sensitive, as OpenVPN compares them). */
    public static ArgType oneOf(String what, String... allowed) {
        List<String> list = Arrays.asList(allowed);
        return v -> list.contains(v) ? null
                : "unknown " + what + " '" + v + "' (expected " + String.join(", ", list) + ")";
    }

    /** A decimal integer, or the keyword. */
    public static ArgType intOr(String keyword) {
        return v -> v.equals(keyword) || INT.problem(v) == null ? null
                : "'" + v + "' is neither a non-negative integer nor '" + keyword + "'";
    }

    static Optional<Long> parseLong(String v) {
        if (v.isEmpty() || v.length() > 19) {
            return Optional.empty();
        }
        int start = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (start == v.length()) {
            return Optional.empty();
        }
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String cipherListProblem(String v) {
        if (v.isEmpty()) {
            return "the cipher list is empty";
        }
        StringBuilder normalised = new StringBuilder();
        for (String token : v.split(":")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean optional = token.startsWith("?");
            String name = optional ? token.substring(1) : token;
            Optional<String> canonical = CryptoNames.cipher(name);
            if (canonical.isEmpty()) {
                if (optional) {
                    continue;
                }
                return "unknown cipher '" + name + "'";
            }
            if (normalised.length() > 0) {
                normalised.append(':');
            }
            normalised.append(canonical.get());
        }
        if (normalised.length() == 0) {
            return "the cipher list names no usable cipher";
        }
        if (normalised.length() > CryptoNames.MAX_DATA_CIPHERS_LENGTH) {
            return "the cipher list is longer than " + CryptoNames.MAX_DATA_CIPHERS_LENGTH + " characters";
        }
        return null;
    }
}
