package io.sluice.core.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.config.Compression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** reneg-sec's random range and the usage limits a cipher gets, as OpenVPN computes them. */
class PayloadSettingsTest {

    private static final CipherSpec GCM = new CipherSpec("AES-256-GCM", CipherMode.AEAD, 32, 12, 1, 16);
    private static final CipherSpec CHACHA = new CipherSpec("CHACHA20-POLY1305", CipherMode.AEAD, 32, 12, 1, 16);
    private static final CipherSpec BF = new CipherSpec("BF-CBC", CipherMode.CBC, 16, 8, 8, 0);
    private static final CipherSpec AES_CBC = new CipherSpec("AES-256-CBC", CipherMode.CBC, 32, 16, 16, 0);

    private static PayloadSettings settings(long bytes, long packets, int min) {
        return new PayloadSettings(Compression.NONE, bytes, packets, min);
    }

    @Test
    void aServerTakesUpToTenPercentOffRenegSecAndAClientNothing() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            long s = PayloadSettings.DEFAULTS.renegotiateAfter(Duration.ofSeconds(3600), true, random).toSeconds();
            assertTrue(s > 3240 && s <= 3600, "server: " + s);
        }
        assertEquals(Duration.ofSeconds(3600), PayloadSettings.DEFAULTS.renegotiateAfter(Duration.ofSeconds(3600),
                false, random));
    }

    @Test
    void renegSecWithAMinimumPicksInsideTheRangeOnBothSides() {
        Random random = new Random(2);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long s = settings(-1, 0, 600).renegotiateAfter(Duration.ofSeconds(3600), i % 2 == 0, random).toSeconds();
            assertTrue(s > 600 && s <= 3600, String.valueOf(s));
            seen.add(s);
        }
        assertTrue(seen.stream().distinct().count() > 100, "the times are spread");
        assertEquals(Duration.ZERO, PayloadSettings.DEFAULTS.renegotiateAfter(Duration.ZERO, true, random));
    }

    @Test
    void anUnsetByteLimitIs64MegabytesForSixtyFourBitBlocksWithOpenVpnsWarning() {
        List<String> warnings = new ArrayList<>();
        assertEquals(64L << 20, PayloadSettings.DEFAULTS.limits(BF, warnings::add).bytes());
        assertEquals(List.of("WARNING: cipher with small block size in use, reducing reneg-bytes to 64MB to mitigate"
                + " SWEET32 attacks."), warnings);
        assertEquals(0, PayloadSettings.DEFAULTS.limits(AES_CBC, warnings::add).bytes());
        assertEquals(1000, settings(1000, 0, -1).limits(BF, warnings::add).bytes(), "the user's own limit stays");
        assertEquals(1, warnings.size());
    }

    @Test
    void onlyAesGcmGetsTheAeadUsageLimit() {
        assertEquals(UsageLimits.AES_GCM_BLOCKS, PayloadSettings.DEFAULTS.limits(GCM, w -> { }).aeadBlocks());
        assertEquals(60129542137L, UsageLimits.AES_GCM_BLOCKS, "7/8 of 2^36 - 1, as OpenVPN 2.7 logs it");
        assertEquals(0, PayloadSettings.DEFAULTS.limits(CHACHA, w -> { }).aeadBlocks());
        assertEquals(0, PayloadSettings.DEFAULTS.limits(AES_CBC, w -> { }).aeadBlocks());
    }
}
