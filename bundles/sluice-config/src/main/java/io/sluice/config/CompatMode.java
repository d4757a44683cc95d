package io.sluice.config;

import java.util.Optional;

/**
 * {@code compat-mode MAJOR.MINOR.PATCH}: behave as compatibly with a peer of that OpenVPN
 * version as OpenVPN 2.6 does. Without the option, no compatibility is asked for.
 *
 * <p>What it changes, as in OpenVPN 2.6's manual: before 2.5.0 the {@code cipher} is appended to
 * {@code data-ciphers}; before 2.4.0 {@code data-ciphers-fallback} defaults to the {@code cipher}.
 * And, Sluice's reading for a peer that predates TLS keying-material export (2.5.0): the keys
 * are derived with OpenVPN's PRF, never with {@code key-derivation tls-ekm} — which is also how
 * Sluice's own PRF path meets a real OpenVPN peer in its tests.
 *
 * @param version {@code major * 10000 + minor * 100 + patch}, e.g. 20400 for 2.4.0;
 *                {@link Integer#MAX_VALUE} without the option
 */
public record CompatMode(int version) {

    /** No compat-mode. */
    public static final CompatMode NONE = new CompatMode(Integer.MAX_VALUE);

    /** The configuration's {@code compat-mode}, already checked to be a version number by the parser. */
    public static CompatMode of(OpenVpnConfig config) {
        return parse(config.last("compat-mode").map(l -> l.args().get(0)));
    }

    /** {@code MAJOR.MINOR.PATCH}, or {@link #NONE} when absent. */
    public static CompatMode parse(Optional<String> value) {
        if (value.isEmpty()) {
            return NONE;
        }
        String[] p = value.get().split("\\.");
        return new CompatMode(Integer.parseInt(p[0]) * 10000 + Integer.parseInt(p[1]) * 100 + Integer.parseInt(p[2]));
    }

    /** True if compatibility with a version older than {@code major.minor.0} is asked for. */
    public boolean before(int major, int minor) {
        return version < major * 10000 + minor * 100;
    }

    /** Whether keys may be derived with TLS keying-material export (OpenVPN 2.5 and later). */
    public boolean tlsKeyExport() {
        return !before(2, 5);
    }
}
