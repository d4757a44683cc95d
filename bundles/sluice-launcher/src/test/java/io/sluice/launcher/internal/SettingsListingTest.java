package io.sluice.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsListingTest {

    @TempDir
    Path dir;

    @Test
    void listsOptionsInReadingOrderWithTheirSourceSoTheCommandLineMergeIsVisible() throws Exception {
        Files.writeString(dir.resolve("f.conf"), "verb 1\nsetenv GREETING \"hello world\"\n");
        OpenVpnConfig config = ConfigParser.parseCommandLine(List.of("--config", "f.conf", "--verb", "4"), dir);
        List<String> lines = SettingsListing.lines(config);
        assertEquals("Current Parameter Settings:", lines.get(0));
        assertEquals(List.of(
                "  config f.conf   (command line)",
                "  verb 1   (f.conf:1)",
                "  setenv GREETING \"hello world\"   (f.conf:2)",
                "  verb 4   (command line)"), lines.subList(1, lines.size()));
        assertEquals(4, config.verb());
    }

    @Test
    void neverPrintsInlineBlocksBecauseTheyHoldSecrets() throws Exception {
        Files.writeString(dir.resolve("c.ovpn"),
                "client\nremote 198.18.0.1\n<auth-user-pass>\nalice\nsw0rdfish\n</auth-user-pass>\n");
        List<String> lines = SettingsListing.lines(ConfigParser.parseCommandLine(List.of("--config", "c.ovpn"), dir));
        assertTrue(lines.contains("  auth-user-pass [[INLINE]]   (c.ovpn:3)"), lines.toString());
        assertFalse(String.join("\n", lines).contains("sw0rdfish"));
    }
}
