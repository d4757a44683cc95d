package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cipher} in client/server mode as OpenVPN 2.6 treats it: accepted (provider profiles
 * nearly all carry one), never used for negotiation with a peer that announces its ciphers, and
 * a warning when it is missing from {@code data-ciphers}.
 */
class CipherOptionTest {

    @TempDir
    Path dir;

    private OpenVpnConfig client(String extra) throws ConfigException {
        return SupportCheck.check(Fixtures.parse(dir, "client\ndev tun\nremote 198.18.0.1\n" + extra));
    }

    @Test
    void aCbcCipherMissingFromTheDefaultListIsAcceptedWithOpenVpnsDeprecationWarning() throws ConfigException {
        OpenVpnConfig c = client("cipher AES-256-CBC\n");
        assertTrue(c.dataChannel().cipherIgnored());
        assertEquals(List.of("test.conf:4: option 'cipher': DEPRECATED OPTION: --cipher set to 'AES-256-CBC' but missing"
                + " in --data-ciphers (AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305). OpenVPN ignores --cipher for cipher"
                + " negotiations."), c.warnings());
        assertEquals(DataChannel.DEFAULT_DATA_CIPHERS, c.dataChannel().effectiveDataCiphers());
    }

    @Test
    void aCipherThatIsInDataCiphersIsQuietAndNamesAreCanonical() throws ConfigException {
        OpenVpnConfig c = client("cipher aes-256-gcm\n");
        assertFalse(c.dataChannel().cipherIgnored());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void dataCiphersFallbackSilencesTheWarningAsInOpenVpn() throws ConfigException {
        OpenVpnConfig c = client("cipher AES-256-CBC\ndata-ciphers-fallback AES-256-CBC\n");
        assertFalse(c.dataChannel().cipherIgnored());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void anExplicitDataCiphersListIsWhatTheCipherIsCheckedAgainst() throws ConfigException {
        OpenVpnConfig c = client("data-ciphers AES-128-GCM\ncipher AES-256-GCM\n");
        assertEquals(List.of("AES-128-GCM"), c.dataChannel().effectiveDataCiphers());
        assertTrue(c.warnings().get(0).contains("missing in --data-ciphers (AES-128-GCM)"), c.warnings().toString());
    }

    @Test
    void compatModeBefore25AppendsTheCipherToDataCiphersAsOpenVpnDoes() throws ConfigException {
        OpenVpnConfig c = client("cipher AES-256-CBC\ncompat-mode 2.4.7\n");
        assertEquals(List.of("AES-256-GCM", "AES-128-GCM", "CHACHA20-POLY1305", "AES-256-CBC"),
                c.dataChannel().effectiveDataCiphers());
        assertTrue(c.dataChannel().dataCiphersFallback().isEmpty());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
        assertFalse(CompatMode.of(c).tlsKeyExport());
    }

    @Test
    void compatModeBefore24AlsoMakesTheCipherTheFallback() throws ConfigException {
        OpenVpnConfig c = client("cipher AES-128-CBC\ncompat-mode 2.3.18\n");
        assertEquals(java.util.Optional.of("AES-128-CBC"), c.dataChannel().dataCiphersFallback());
    }

    @Test
    void withoutCompatModeKeysMayComeFromTheExporter() throws ConfigException {
        assertTrue(CompatMode.of(client("")).tlsKeyExport());
        assertTrue(CompatMode.of(client("compat-mode 2.5.0\n")).tlsKeyExport());
    }
}
