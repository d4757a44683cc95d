package io.sluice.config;

import java.util.Objects;

/**
 * The compression options: {@code comp-lzo}, {@code compress} and {@code allow-compression}
 * (options.c). Sluice never compresses what it sends; what these options decide is the framing
 * of each data-channel payload, which both ends must agree on, and whether a peer may send
 * compressed packets (Sluice drops and counts them, since it does not decompress either).
 *
 * @param algorithm what {@code comp-lzo}/{@code compress} asked for; {@link Algorithm#NONE} without either
 * @param allow     {@code allow-compression}; without it OpenVPN 2.6 allows stubs only ({@link Allow#NO}),
 *                  unless a compressing algorithm is configured ({@link Allow#ASYM})
 */
public record Compression(Algorithm algorithm, Allow allow) {

    /** Neither option: no framing byte at all. */
    public static final Compression NONE = new Compression(Algorithm.NONE, Allow.NO);

    /** What {@code comp-lzo} or {@code compress} configured. */
    public enum Algorithm {
        /** No compression option. */
        NONE(false),
        /** {@code comp-lzo no}: LZO's one-byte header, never compressed. */
        LZO_STUB(false),
        /** {@code comp-lzo [yes|adaptive]} or {@code compress lzo}. */
        LZO(true),
        /** {@code compress} or {@code compress stub}: the one-byte header, swapped with the payload's first byte. */
        STUB(false),
        /** {@code compress lz4}: as {@link #STUB}, but the peer may compress. */
        LZ4(true),
        /** {@code compress stub-v2}: no header unless the payload starts with 0x50. */
        STUB_V2(false),
        /** {@code compress lz4-v2}: as {@link #STUB_V2}, but the peer may compress. */
        LZ4_V2(true),
        /** {@code compress migrate} (server): clients announcing {@code comp-lzo} are moved to a stub. */
        MIGRATE(false);

        private final boolean compressing;

        Algorithm(boolean compressing) {
            this.compressing = compressing;
        }

        /** True for a real compression algorithm (not a stub, not migrate, not none). */
        public boolean compressing() {
            return compressing;
        }

        /** The algorithm of a {@code comp-lzo} or {@code compress} line's argument (null when absent). */
        public static Algorithm of(String option, String arg) {
            if (option.equals("comp-lzo")) {
                return "no".equals(arg) ? LZO_STUB : LZO;
            }
            if (arg == null) {
                return STUB;
            }
            return switch (arg) {
                case "stub" -> STUB;
                case "stub-v2" -> STUB_V2;
                case "migrate" -> MIGRATE;
                case "lzo" -> LZO;
                case "lz4" -> LZ4;
                case "lz4-v2" -> LZ4_V2;
                default -> throw new IllegalArgumentException("bad comp option: " + arg);
            };
        }
    }

    /** {@code allow-compression}. */
    public enum Allow {
        /** Stub framing only; a compressing algorithm is an error. */
        NO,
        /** A compressing algorithm is accepted for what the peer sends; nothing sent is compressed. */
        ASYM
    }

    public Compression {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(allow, "allow");
    }
}
