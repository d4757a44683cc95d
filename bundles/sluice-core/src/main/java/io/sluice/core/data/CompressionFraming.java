package io.sluice.core.data;

import java.nio.ByteBuffer;

/**
 * The compression framing of data-channel payloads (comp.h, compstub.c, lzo.c, comp-lz4.c),
 * inside the encryption: what {@code comp-lzo}, {@code compress} and their pushed forms make
 * both ends expect. Sluice never compresses (compressing before encrypting leaks plaintext
 * through packet lengths: VORACLE); it writes the "not compressed" form and drops what a peer
 * did compress.
 *
 * <ul>
 *   <li>{@link #V1}: {@code comp-lzo [no|yes|adaptive]}, {@code compress lzo}: a header byte in
 *       front, 0xFA for an uncompressed payload, 0x66 for LZO.</li>
 *   <li>{@link #V1_SWAP}: {@code compress}, {@code compress stub}, {@code compress lz4}: the
 *       header byte 0xFB replaces the payload's first byte, which
 *       moves to the end, so the IP header stays aligned; 0x69 for LZ4.</li>
 *   <li>{@link #V2}: {@code compress stub-v2}, {@code compress lz4-v2}: no header at all, unless
 *       the payload starts with 0x50 (never an IP packet): then 0x50 0x00 in front; 0x50 with
 *       1..3 announces a compressed payload.</li>
 * </ul>
 */
public enum CompressionFraming {
    /** No compression option: payloads as they are. */
    NONE,
    /** The one-byte header in front. */
    V1,
    /** The one-byte header swapped with the payload's first byte. */
    V1_SWAP,
    /** The escape-only v2 framing. */
    V2;

    /** comp.h {@code NO_COMPRESS_BYTE}. */
    static final byte NO_COMPRESS_BYTE = (byte) 0xFA;
    /** comp.h {@code NO_COMPRESS_BYTE_SWAP}. */
    static final byte NO_COMPRESS_BYTE_SWAP = (byte) 0xFB;
    /** comp.h {@code LZO_COMPRESS_BYTE}. */
    static final byte LZO_COMPRESS_BYTE = 0x66;
    /** comp.h {@code LZ4_COMPRESS_BYTE}. */
    static final byte LZ4_COMPRESS_BYTE = 0x69;
    /** comp.h {@code COMP_ALGV2_INDICATOR_BYTE}. */
    static final byte V2_INDICATOR_BYTE = 0x50;
    /** comp.h {@code COMP_ALGV2_UNCOMPRESSED_BYTE}. */
    static final byte V2_UNCOMPRESSED_BYTE = 0;
    /** comp.h {@code COMP_ALGV2_SNAPPY_BYTE}: the highest compressed method byte. */
    static final byte V2_LAST_METHOD_BYTE = 3;

    /** The most bytes {@link #frame} adds to a payload. */
    public static final int MAX_OVERHEAD = 2;

    /** What {@link #unframe} made of a received payload. */
    public enum Unframed {
        /** A payload, between position and limit. */
        OK,
        /** Nothing left after the header: nothing to deliver. */
        EMPTY,
        /** The peer compressed it; Sluice does not decompress. */
        COMPRESSED,
        /** A header byte this framing never has (comp.c: "Bad compression stub ... header byte"). */
        BAD_HEADER
    }

    /** True if this framing ever copies a payload, so its user needs a scratch buffer. */
    public boolean copies() {
        return this != NONE;
    }

    /**
     * The payload (position to limit) as the peer expects it: {@code payload} itself when nothing
     * is added, else {@code scratch} cleared, filled and flipped. {@code payload} is not changed,
     * since a caller may seal the same bytes for several peers.
     *
     * @param scratch at least {@link #MAX_OVERHEAD} bytes larger than the payload when {@link #copies()}
     */
    public ByteBuffer frame(ByteBuffer payload, ByteBuffer scratch) {
        int at = payload.position();
        int end = payload.limit();
        if (at == end) {
            return payload; // OpenVPN leaves empty buffers alone; the encryptor refuses them
        }
        switch (this) {
            case NONE -> {
                return payload;
            }
            case V1 -> {
                scratch.clear();
                scratch.put(NO_COMPRESS_BYTE).put(payload.duplicate());
            }
            case V1_SWAP -> {
                scratch.clear();
                scratch.put(NO_COMPRESS_BYTE_SWAP).put(payload.duplicate().position(at + 1)).put(payload.get(at));
            }
            case V2 -> {
                if (payload.get(at) != V2_INDICATOR_BYTE) {
                    return payload;
                }
                scratch.clear();
                scratch.put(V2_INDICATOR_BYTE).put(V2_UNCOMPRESSED_BYTE).put(payload.duplicate());
            }
            default -> throw new AssertionError(this);
        }
        return scratch.flip();
    }

    /**
     * Takes the framing off a received payload (position to limit), in place: on {@link Unframed#OK}
     * the buffer's position and limit frame the packet for the TUN device.
     */
    public Unframed unframe(ByteBuffer plain) {
        int at = plain.position();
        int end = plain.limit();
        if (this == NONE || at == end) {
            return at == end ? Unframed.EMPTY : Unframed.OK;
        }
        byte head = plain.get(at);
        switch (this) {
            case V1 -> {
                if (head != NO_COMPRESS_BYTE) {
                    return head == LZO_COMPRESS_BYTE ? Unframed.COMPRESSED : Unframed.BAD_HEADER;
                }
                plain.position(at + 1);
            }
            case V1_SWAP -> {
                if (head != NO_COMPRESS_BYTE_SWAP) {
                    return head == LZ4_COMPRESS_BYTE ? Unframed.COMPRESSED : Unframed.BAD_HEADER;
                }
                plain.put(at, plain.get(end - 1));
                plain.limit(end - 1);
            }
            case V2 -> {
                if (head != V2_INDICATOR_BYTE) {
                    return Unframed.OK;
                }
                if (end - at < 2) {
                    plain.position(end); // OpenVPN drops the lone indicator byte
                } else {
                    byte method = plain.get(at + 1);
                    if (method != V2_UNCOMPRESSED_BYTE) {
                        return method > 0 && method <= V2_LAST_METHOD_BYTE ? Unframed.COMPRESSED : Unframed.BAD_HEADER;
                    }
                    plain.position(at + 2);
                }
            }
            default -> throw new AssertionError(this);
        }
        return plain.hasRemaining() ? Unframed.OK : Unframed.EMPTY;
    }
}
