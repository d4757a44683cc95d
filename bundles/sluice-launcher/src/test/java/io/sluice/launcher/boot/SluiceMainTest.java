package io.sluice.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bin/sluice does before any container starts. */
class SluiceMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        SluiceMain main = new SluiceMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("SLUICE_STATE_DIR", dir.resolve("state").toString()), dir);
        return main.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("Usage: sluice --config FILE"), out());
        assertTrue(out().contains("SLUICE_STATE_DIR"), out());
    }

    @Test
    void versionNamesSluiceAndItsPlatform() {
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("Sluice "), out());
        assertTrue(out().contains("[Karaf "), out());
    }

    @Test
    void noArgumentsPrintUsageAndFail() {
        assertEquals(1, run());
        assertTrue(err().contains("Usage:"), err());
    }

    @Test
    void aConfigurationErrorIsOneLineNamingFileLineAndOptionWithStatus2() throws Exception {
        Files.writeString(dir.resolve("server.conf"), "verb 3\n\ncipher AES-999-GCM\n");
        assertEquals(2, run("--config", "server.conf"));
        assertEquals("server.conf:3: option 'cipher': unknown cipher 'AES-999-GCM'", err().strip());
        assertEquals("", out(), "nothing but the error line");
    }

    @Test
    void anUnknownOptionOnTheCommandLineIsReportedAsSuch() {
        assertEquals(2, run("--no-such-option", "x"));
        String line = err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("command line: option 'no-such-option'"), line);
    }

    @Test
    void aMissingConfigFileIsAConfigurationError() {
        assertEquals(2, run("missing.conf"));
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().contains("missing.conf"), err());
    }

    @Test
    void aSingleBareArgumentIsTheConfigFile() {
        assertEquals(List.of("--config", "client.ovpn"), SluiceMain.normalise(new String[] {"client.ovpn"}));
        assertEquals(List.of("--verb", "3"), SluiceMain.normalise(new String[] {"--verb", "3"}));
        assertEquals(List.of("--genkey", "secret", "ta.key"),
                SluiceMain.normalise(new String[] {"--genkey", "--secret", "ta.key"}), "2.4's form");
    }
}
