package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comp-lzo}, {@code compress} and {@code allow-compression} read as OpenVPN 2.6 reads them (options.c). */
class CompressionOptionTest {

    @TempDir
    Path dir;

    private OpenVpnConfig client(String extra) throws ConfigException {
        return SupportCheck.check(Fixtures.parse(dir, "client\ndev tun\nremote 198.18.0.1\n" + extra));
    }

    private Compression.Algorithm algorithm(String extra) throws ConfigException {
        return client(extra).dataChannel().compression().algorithm();
    }

    @Test
    void eachSpellingMapsToItsAlgorithm() throws ConfigException {
        assertEquals(Compression.Algorithm.NONE, algorithm(""));
        assertEquals(Compression.Algorithm.LZO_STUB, algorithm("comp-lzo no\n"));
        assertEquals(Compression.Algorithm.LZO, algorithm("comp-lzo\n"));
        assertEquals(Compression.Algorithm.LZO, algorithm("comp-lzo adaptive\n"));
        assertEquals(Compression.Algorithm.STUB, algorithm("compress\n"));
        assertEquals(Compression.Algorithm.STUB, algorithm("compress stub\n"));
        assertEquals(Compression.Algorithm.STUB_V2, algorithm("compress stub-v2\n"));
        assertEquals(Compression.Algorithm.LZ4, algorithm("compress lz4\n"));
        assertEquals(Compression.Algorithm.LZ4_V2, algorithm("compress lz4-v2\n"));
    }

    @Test
    void theLastCompressionLineWins() throws ConfigException {
        assertEquals(Compression.Algorithm.STUB_V2, algorithm("comp-lzo\ncompress stub-v2\n"));
        assertEquals(Compression.Algorithm.LZO_STUB, algorithm("compress lz4\ncomp-lzo no\n"));
    }

    @Test
    void aCompressingAlgorithmWarnsAsOpenVpnDoes() throws ConfigException {
        OpenVpnConfig c = client("compress lz4\n");
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("WARNING: Compression for receiving enabled.")),
                c.warnings().toString());
        assertEquals(Compression.Allow.ASYM, c.dataChannel().compression().allow());
    }

    @Test
    void withoutAllowCompressionOnlyStubsAreAllowedUnlessACompressingAlgorithmIsConfigured() throws ConfigException {
        assertEquals(Compression.Allow.NO, client("").dataChannel().compression().allow());
        assertEquals(Compression.Allow.NO, client("compress stub-v2\n").dataChannel().compression().allow());
        assertEquals(Compression.Allow.ASYM, client("comp-lzo\n").dataChannel().compression().allow());
    }

    @Test
    void allowCompressionNoRefusesACompressingAlgorithmButNotAStub() throws ConfigException {
        ConfigException e = assertThrows(ConfigException.class, () -> client("allow-compression no\ncomp-lzo yes\n"));
        assertEquals("test.conf:5: option 'comp-lzo': '--allow-compression no' conflicts with enabling compression",
                e.getMessage());
        assertEquals(Compression.Allow.NO, client("allow-compression no\ncomp-lzo no\n").dataChannel().compression().allow());
    }
}
