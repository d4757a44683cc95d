package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws garbage and mutated corpus files at the parser: it must only ever return a configuration
 * or throw a one-line {@link ConfigException}, never anything else. Seeds are fixed so a failure
 * reproduces.
 */
class FuzzTest {

    private static final String ALPHABET = " \t\n\r\"'\\#;<>/-:.0123456789abcdefghijklmnopqrstuvwxyz\0\u00e9\uFEFF";

    @TempDir
    Path dir;

    private void assertOnlyConfigOrConfigException(byte[] input) {
        try {
            Path file = dir.resolve("fuzz.conf");
            Files.write(file, input);
            OpenVpnConfig c = ConfigParser.parseFile(Path.of("fuzz.conf"), dir);
            assertNotNull(c.lines());
            ConfigWriter.write(c, false);
        } catch (ConfigException e) {
            assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0,
                    "message must be one line: " + e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void randomTextNeverEscapesAsAnythingButConfigException() {
        Random random = new Random(0x5111ceL);
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(400);
            for (int i = 0; i < len; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertOnlyConfigOrConfigException(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void randomOptionLinesNeverEscapeAsAnythingButConfigException() {
        Random random = new Random(42);
        List<String> words = List.of("server", "10.8.0.0", "255.255.255.0", "dev", "tun", "tap", "client", "remote",
                "proto", "tcp", "udp", "port", "70000", "-1", "keepalive", "10", "5", "<ca>", "</ca>", "<connection>",
                "</connection>", "tls-auth", "[inline]", "1", "key-direction", "server-ipv6", "fd00::/64",
                "topology", "subnet", "mode", "nopool", "push", "\"route 1.2.3.4\"", "config", "cd", "..",
                "setenv", "opt", "ignore-unknown-option", "route", "nobind", "local", "server-bridge", "secret",
                "data-ciphers", "AES-256-GCM:?X", "ifconfig-pool", "redirect-gateway", "def1", "dns", "address");
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int lines = random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                int n = 1 + random.nextInt(5);
                for (int w = 0; w < n; w++) {
                    b.append(w == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
                }
                b.append('\n');
            }
            assertOnlyConfigOrConfigException(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatedCorpusFilesNeverEscapeAsAnythingButConfigException() throws IOException {
        Random random = new Random(7);
        for (String name : Corpus.FILES) {
            byte[] original = Files.readAllBytes(Corpus.dir().resolve(name));
            for (int round = 0; round < 150; round++) {
                byte[] mutated = original.clone();
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                Path copyDir = dir;
                Files.write(copyDir.resolve("fuzz.conf"), mutated);
                try {
                    OpenVpnConfig c = ConfigParser.parseFile(Path.of("fuzz.conf"), Corpus.dir().getParent()
                            .resolve("corpus"));
                    assertNotNull(c);
                } catch (ConfigException ex) {
                    assertTrue(ex.getMessage().indexOf('\n') < 0, ex.getMessage());
                }
                assertOnlyConfigOrConfigException(mutated);
            }
        }
    }

    @Test
    void hugeAndDeepInputsAreRefusedCleanly() throws IOException {
        assertOnlyConfigOrConfigException(("x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
        assertOnlyConfigOrConfigException(("tls-client\n<ca>\n" + "A".repeat(2 << 20) + "\n</ca>\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("self.conf"), "config self.conf\n");
        assertOnlyConfigOrConfigException("config self.conf\n".getBytes(StandardCharsets.UTF_8));
    }
}
