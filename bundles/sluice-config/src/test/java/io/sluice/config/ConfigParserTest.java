package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {

    @TempDir
    Path dir;

    @Test
    void verbDefaultsToOpenVpnsOne() throws ConfigException {
        assertEquals(1, Fixtures.parse(dir, "dev tun\n").verb());
        assertEquals(5, Fixtures.parse(dir, "verb 5\n").verb());
    }

    @Test
    void doubleDashFormIsAcceptedInFiles() throws ConfigException {
        assertEquals(4, Fixtures.parse(dir, "--verb 4\n").verb());
    }

    @Test
    void linesKeepTheirLocationAndArgumentsInOrder() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "# c\nroute 10.1.0.0 255.255.0.0\n\nroute 10.2.0.0 255.255.0.0\n");
        List<OptionLine> routes = c.all("route");
        assertEquals(2, routes.size());
        assertEquals(SourceLocation.inFile("test.conf", 4), routes.get(1).location());
        assertEquals(List.of("10.2.0.0", "255.255.0.0"), c.last("route").orElseThrow().args());
    }

    @Test
    void configIncludesAreReadInPlaceRelativeToTheWorkingDirectory() throws ConfigException {
        Fixtures.write(dir, "sub/common.conf", "verb 6\nmute 3\n");
        OpenVpnConfig c = Fixtures.parse(dir, "verb 2\nconfig sub/common.conf\nmute 9\n");
        assertEquals(6, c.verb(), "the included verb comes after 'verb 2'");
        assertEquals("9", c.last("mute").orElseThrow().args().get(0));
        assertEquals(SourceLocation.inFile("sub/common.conf", 1), c.last("verb").orElseThrow().location());
    }

    @Test
    void cdChangesWhereLaterIncludesAreFoundAndWhereAllFilesResolve() throws ConfigException {
        Fixtures.write(dir, "etc/inner.conf", "ca ca.crt\n");
        Fixtures.write(dir, "etc/ca.crt", "x");
        Fixtures.write(dir, "etc/ta.key", "x");
        OpenVpnConfig c = Fixtures.parse(dir, "tls-client\ntls-auth ta.key 1\ncd etc\nconfig inner.conf\n");
        assertEquals(dir.resolve("etc").toAbsolutePath().normalize(), c.workingDirectory());
        assertEquals(Optional.of(dir.resolve("etc/ca.crt").toAbsolutePath().normalize()),
                c.pki().ca().orElseThrow().path());
        assertEquals(Optional.of(dir.resolve("etc/ta.key").toAbsolutePath().normalize()),
                c.controlChannel().tlsAuth().orElseThrow().path(),
                "OpenVPN opens key files after reading all options, so a later cd applies to earlier lines");
    }

    @Test
    void commandLineLaterOptionsOverrideTheConfigFile() throws ConfigException {
        Fixtures.write(dir, "base.conf", "verb 3\nport 1194\ndev tun\n");
        OpenVpnConfig c = ConfigParser.parseCommandLine(List.of("--config", "base.conf", "--verb", "4", "--port", "1195"), dir);
        assertEquals(4, c.verb());
        assertEquals(1195, c.transport().localPort());
        assertTrue(c.last("port").orElseThrow().location().commandLine());
    }

    @Test
    void commandLineOptionsBeforeTheConfigAreOverriddenByIt() throws ConfigException {
        Fixtures.write(dir, "base.conf", "verb 3\n");
        assertEquals(3, ConfigParser.parseCommandLine(List.of("--verb", "9", "--config", "base.conf"), dir).verb());
    }

    @Test
    void aLoneCommandLineArgumentIsAConfigFile() throws ConfigException {
        Fixtures.write(dir, "only.conf", "verb 7\n");
        assertEquals(7, ConfigParser.parseCommandLine(List.of("only.conf"), dir).verb());
    }

    @Test
    void commandLineArgumentsAreTakenLiterally() throws ConfigException {
        OpenVpnConfig c = ConfigParser.parseCommandLine(List.of("--setenv", "NAME", "a \"quoted\" # value"), dir);
        assertEquals(List.of("NAME", "a \"quoted\" # value"), c.last("setenv").orElseThrow().args());
    }

    @Test
    void commandLineErrorsSayCommandLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigParser.parseCommandLine(List.of("--verb", "loud"), dir));
        assertEquals("command line: option 'verb': 'loud' is not a non-negative integer", e.getMessage());
        assertEquals(Optional.of("verb"), e.option());
    }

    @Test
    void commandLineWordWithoutDashesIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigParser.parseCommandLine(List.of("--verb", "3", "extra", "--x"), dir));
        assertTrue(e.getMessage().startsWith("command line: option 'verb': expects 1 argument, got 2"), e.getMessage());
    }

    @Test
    void setenvOptWrapsAnOptionAndMarksIt() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "setenv opt verb 5\n");
        OptionLine l = c.last("verb").orElseThrow();
        assertTrue(l.setenvOpt());
        assertEquals(5, c.verb());
    }

    @Test
    void setenvOptTurnsAnUnknownOptionIntoAWarning() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "setenv opt frobnicate yes\n");
        assertEquals(List.of("test.conf:1: option 'frobnicate': unknown option; ignored (setenv opt)"), c.warnings());
    }

    @Test
    void ignoreUnknownOptionAppliesOnlyToLaterLinesAndAcceptsDashes() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "ignore-unknown-option --frob zap\nfrob 1 2\nzap\n");
        assertEquals(2, c.warnings().size());
        assertTrue(Fixtures.error(dir, "frob 1\nignore-unknown-option frob\n")
                .startsWith("test.conf:1: option 'frob': unknown option"));
    }

    @Test
    void inlineBlocksKeepTheirTextVerbatim() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "tls-client\n<ca>\n  indented line\nsecond\n  </ca>\nverb 2\n");
        OptionLine ca = c.last("ca").orElseThrow();
        assertEquals(Optional.of("  indented line\nsecond\n"), ca.inline());
        assertEquals(2, ca.location().line());
        assertEquals(SourceLocation.inFile("test.conf", 6), c.last("verb").orElseThrow().location(),
                "line numbers after a block count the block's lines");
    }

    @Test
    void unknownInlineBlocksCanBeIgnored() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "ignore-unknown-option vendor-blob\n<vendor-blob>\nabc\n</vendor-blob>\n");
        assertEquals(1, c.warnings().size());
    }

    @Test
    void fileOrInlineReadsTheResolvedFile() throws Exception {
        Fixtures.write(dir, "keys/ca.crt", "CERT");
        OpenVpnConfig c = Fixtures.parse(dir, "tls-client\nca keys/ca.crt\n");
        assertEquals("CERT", c.pki().ca().orElseThrow().read());
        assertFalse(c.pki().ca().orElseThrow().isInline());
    }

    @Test
    void parseStringNamesTheTextInMessages() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parseString("verb x\n", "profile", dir));
        assertEquals("profile:1: option 'verb': 'x' is not a non-negative integer", e.getMessage());
    }

    @Test
    void atReportsLaterRuntimeProblemsInTheSameFormat() throws ConfigException {
        OpenVpnConfig c = Fixtures.parse(dir, "verb 3\nport 1194\n");
        ConfigException e = ConfigException.at(c.last("port").orElseThrow(), "address already in use");
        assertEquals("test.conf:2: option 'port': address already in use", e.getMessage());
        assertEquals(2, e.line());
        assertEquals("test.conf", e.file());
    }
}
