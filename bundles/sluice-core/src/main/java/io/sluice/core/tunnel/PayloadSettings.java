package io.sluice.core.tunnel;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.config.Compression;
import io.sluice.core.control.OccCompression;
import io.sluice.core.data.CompressionFraming;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a configuration says about the data channel's payloads beyond the cipher: their
 * compression framing, and when a key has carried enough ({@code reneg-bytes}, {@code reneg-pkts})
 * or lived long enough (the lower bound of {@code reneg-sec}'s random range). Servers and
 * clients read it the same way.
 *
 * @param compression  {@code comp-lzo}, {@code compress}, {@code allow-compression}
 * @param renegBytes   {@code reneg-bytes}; -1 when not configured
 * @param renegPackets {@code reneg-pkts}; 0 when not configured
 * @param renegSecMin  {@code reneg-sec}'s second argument; -1 when not configured
 */
public record PayloadSettings(Compression compression, long renegBytes, long renegPackets, int renegSecMin) {

    /** No compression option, no byte or packet limit, OpenVPN's default jitter. */
    public static final PayloadSettings DEFAULTS = new PayloadSettings(Compression.NONE, -1, 0, -1);

    /**
     * How long one session's keys live before it renegotiates them (init.c
     * {@code do_init_crypto_tls}): {@code reneg-sec max min} picks at random in (min, max]; without
     * min, a server takes up to 10% off max so that its clients do not all renegotiate at once,
     * and a client takes max. Drawn once per session.
     */
    public java.time.Duration renegotiateAfter(java.time.Duration max, boolean server,
                                               java.util.random.RandomGenerator random) {
        long seconds = max.toSeconds();
        if (seconds <= 0) {
            return max;
        }
        long jitter;
        if (renegSecMin < 0) {
            jitter = server ? random.nextLong(Math.max(seconds / 10, 1)) : 0;
        } else {
            jitter = random.nextLong(Math.max(seconds - renegSecMin, 1));
        }
        return java.time.Duration.ofSeconds(seconds - jitter);
    }

    public PayloadSettings {
        Objects.requireNonNull(compression, "compression");
    }

    /** The framing for an algorithm (comp.c {@code comp_init}; Sluice never compresses). */
    public static CompressionFraming framing(Compression.Algorithm algorithm) {
        return switch (algorithm) {
            case NONE, MIGRATE -> CompressionFraming.NONE;
            case LZO_STUB, LZO -> CompressionFraming.V1;
            case STUB, LZ4 -> CompressionFraming.V1_SWAP;
            case STUB_V2, LZ4_V2 -> CompressionFraming.V2;
        };
    }

    /** OpenVPN's name for the algorithm as its log shows it (compstub.c, lzo.c, comp-lz4.c); empty for none. */
    public static java.util.Optional<String> logName(Compression.Algorithm algorithm) {
        return java.util.Optional.ofNullable(switch (algorithm) {
            case NONE, MIGRATE -> null;
            case LZO_STUB, STUB -> "stub";
            case STUB_V2 -> "stubv2";
            case LZO -> "lzo";
            case LZ4 -> "lz4";
            case LZ4_V2 -> "lz4v2";
        });
    }

    /** The framing this configuration gives every peer unless something pushed says otherwise. */
    public CompressionFraming framing() {
        return framing(compression.algorithm());
    }

    /** How the options string shows this compression (options.c {@code options_string}). */
    public OccCompression occ() {
        return switch (framing()) {
            case NONE -> OccCompression.NONE; // compress migrate too: OpenVPN's algorithm stays undefined
            case V1, V1_SWAP -> OccCompression.V1;
            case V2 -> OccCompression.V2;
        };
    }

    /**
     * The usage limits for keys of {@code cipher}. An unset {@code reneg-bytes} becomes 64 MB for
     * a 64-bit block cipher, as OpenVPN does against SWEET32, and {@code warn} gets OpenVPN's line.
     */
    public UsageLimits limits(CipherSpec cipher, Consumer<String> warn) {
        long bytes = renegBytes;
        if (bytes == -1 && cipher.mode() != CipherMode.AEAD && cipher.mode() != CipherMode.NONE
                && cipher.blockSize() < 16) {
            warn.accept("WARNING: cipher with small block size in use, reducing reneg-bytes to 64MB to mitigate"
                    + " SWEET32 attacks.");
            bytes = UsageLimits.SMALL_BLOCK_BYTES;
        }
        boolean gcm = cipher.mode() == CipherMode.AEAD && cipher.name().endsWith("-GCM");
        return new UsageLimits(Math.max(bytes, 0), Math.max(renegPackets, 0), gcm ? UsageLimits.AES_GCM_BLOCKS : 0);
    }
}
