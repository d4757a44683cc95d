package io.sluice.core.control;

/**
 * How compression shows in the options string (options.c {@code options_string}, mtu.c
 * {@code frame_calculate_payload_overhead}): any configured compression adds {@code comp-lzo};
 * the v1 framings (comp-lzo, compress lz4, compress stub, comp-lzo no) also add a byte of
 * header to link-mtu, the v2 ones (compress stub-v2, lz4-v2) do not.
 */
public enum OccCompression {
    /** No compression option at all. */
    NONE(false, 0),
    /** {@code comp-lzo [yes|no|adaptive]}, {@code compress lzo|lz4|stub}: a 1-byte header. */
    V1(true, 1),
    /** {@code compress stub-v2|lz4-v2}: no header on uncompressed packets. */
    V2(true, 0);

    private final boolean announced;
    private final int header;

    OccCompression(boolean announced, int header) {
        this.announced = announced;
        this.header = header;
    }

    boolean announced() {
        return announced;
    }

    int header() {
        return header;
    }
}
