package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigWriterTest {

    @TempDir
    Path dir;

    static List<String> corpus() {
        return Corpus.FILES;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTripKeepsTheTypedModel(String name) throws ConfigException {
        OpenVpnConfig original = Corpus.parse(name);
        String text = ConfigWriter.write(original, false);
        OpenVpnConfig again = ConfigParser.parseString(text, name, Corpus.dir());
        assertTrue(original.sameModelAs(again), name + "\n" + text);
        assertEquals(text, ConfigWriter.write(again, false), "writing is stable");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void exportWithInlineFilesNeedsNoFilesAndKeepsTheContent(String name) throws Exception {
        OpenVpnConfig original = Corpus.parse(name);
        String text = ConfigWriter.write(original, true);
        OpenVpnConfig exported = ConfigParser.parseString(text, name, dir);
        assertEquals(original.mode(), exported.mode());
        assertEquals(original.controlChannel().keyDirection(), exported.controlChannel().keyDirection());
        assertEquals(original.network(), exported.network());
        if (original.pki().ca().isPresent()) {
            assertTrue(exported.pki().ca().orElseThrow().isInline());
            assertEquals(original.pki().ca().orElseThrow().read(), exported.pki().ca().orElseThrow().read());
        }
        if (original.controlChannel().tlsAuth().isPresent()) {
            assertEquals(original.controlChannel().tlsAuth().orElseThrow().read(),
                    exported.controlChannel().tlsAuth().orElseThrow().read());
        }
    }

    @Test
    void helpersAreWrittenAsTheHelperLine() throws ConfigException {
        String text = ConfigWriter.write(Fixtures.parse(dir, "dev tun\nserver 10.8.0.0 255.255.255.0\nkeepalive 10 60\n"), false);
        assertEquals("dev tun\nserver 10.8.0.0 255.255.255.0\nkeepalive 10 60\n", text);
    }

    @Test
    void includesAreFlattenedAndCommentsDropped() throws ConfigException {
        Fixtures.write(dir, "inc.conf", "# included\nmute 5\n");
        assertEquals("verb 3\nmute 5\n", ConfigWriter.write(Fixtures.parse(dir, "verb 3 # three\nconfig inc.conf\n")));
    }

    @Test
    void argumentsAreQuotedOnlyWhenNeeded() throws ConfigException {
        OpenVpnConfig c = ConfigParser.parseCommandLine(List.of("--setenv", "A", "two words", "--setenv", "B", "#x",
                "--setenv", "C", "back\\slash\"quote", "--setenv", "D", ""), dir);
        assertEquals("setenv A \"two words\"\nsetenv B \"#x\"\nsetenv C \"back\\\\slash\\\"quote\"\nsetenv D \"\"\n",
                ConfigWriter.write(c));
    }

    @Test
    void setenvOptAndTolerateUnknownOptionsSurviveExport() throws ConfigException {
        String text = ConfigWriter.write(Fixtures.parse(dir, "setenv opt block-outside-dns\nignore-unknown-option x\nx 1\n"));
        assertEquals("setenv opt block-outside-dns\nignore-unknown-option x\nx 1\n", text);
    }

    @Test
    void tlsAuthDirectionBecomesKeyDirectionWhenInlined() throws ConfigException {
        Fixtures.write(dir, "ta.key", "KEY\n");
        String text = ConfigWriter.write(Fixtures.parse(dir, "tls-client\ntls-auth ta.key 1\n"), true);
        assertEquals("tls-client\n<tls-auth>\nKEY\n</tls-auth>\nkey-direction 1\n", text);
    }

    @Test
    void valuesWithLineBreaksCannotBeWritten() throws ConfigException {
        OpenVpnConfig c = ConfigParser.parseCommandLine(List.of("--setenv", "A", "x\ny"), dir);
        assertEquals("command line: option 'setenv': a value containing a line break cannot be written to a configuration"
                + " file", assertThrows(ConfigException.class, () -> ConfigWriter.write(c)).getMessage());
    }

    @Test
    void inlineBlockTextIsWrittenVerbatim() throws ConfigException {
        String in = "tls-client\n<peer-fingerprint>\n"
                + "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99\n"
                + "</peer-fingerprint>\n";
        assertEquals(in, ConfigWriter.write(Fixtures.parse(dir, in)));
        assertFalse(Fixtures.parse(dir, in).controlChannel().peerFingerprints().isEmpty());
    }
}
