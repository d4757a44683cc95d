package io.sluice.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.keys.Key2;
import io.sluice.core.testing.TestCrypto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** --test-crypto's loopback: every length through seal and open, per cipher. */
class LoopbackSelfTestTest {

    private static Key2 key() {
        byte[] b = new byte[Key2.LENGTH];
        new Random(5).nextBytes(b);
        return Key2.of(b);
    }

    @Test
    void everyInstalledCipherRoundTripsEveryLengthUpToTheMtu() {
        for (String cipher : TestCrypto.providers().cipherNames()) {
            List<Integer> lengths = new ArrayList<>();
            LoopbackSelfTest.Result r = LoopbackSelfTest.run(key(), cipher, "SHA256", TestCrypto.providers(), 1500,
                    lengths::add);
            assertTrue(r.passed(), cipher + ": " + r.detail());
            assertEquals(1500, lengths.size());
            assertEquals(1, lengths.get(0));
        }
    }

    @Test
    void cipherNoneAndAuthNoneRunToo() {
        assertTrue(LoopbackSelfTest.run(key(), "none", "SHA1", TestCrypto.providers(), 100, n -> { }).passed());
        assertTrue(LoopbackSelfTest.run(key(), "AES-128-CBC", "none", TestCrypto.providers(), 100, n -> { }).passed());
    }

    @Test
    void aCipherNoProviderOffersFailsWithItsName() {
        LoopbackSelfTest.Result r = LoopbackSelfTest.run(key(), "CAMELLIA-128-CBC", "SHA1", TestCrypto.providers(), 10,
                n -> { });
        assertFalse(r.passed());
        assertTrue(r.detail().contains("CAMELLIA-128-CBC"), r.detail());
    }
}
