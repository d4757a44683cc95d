package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.event.TunnelEventType;
import io.sluice.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script options are read, split and checked as OpenVPN 2.6 reads them at start. */
class ScriptHooksTest {

    @TempDir
    Path dir;

    @Test
    void withoutScriptSecurityTheLevelIsOneAndScriptsMayNotRun() throws Exception {
        Fixture.script(dir, "up.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "up up.sh"));
        assertEquals(1, hooks.scriptSecurity());
        assertFalse(hooks.scriptsAllowed());
        assertEquals(List.of("NOTE: starting with OpenVPN 2.1, '--script-security 2' or higher is required to call "
                + "user-defined scripts or executables"), hooks.startupWarnings());
    }

    @Test
    void aRelativeProgramIsFoundInTheWorkingDirectoryNotOnThePath() throws Exception {
        Fixture.script(dir, "up.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "script-security 2", "up up.sh"));
        ScriptCommand up = hooks.command(TunnelEventType.UP).orElseThrow();
        assertEquals(dir.resolve("up.sh"), up.program());
        assertEquals(List.of("up.sh"), up.words());
        assertEquals(List.of("NOTE: the current --script-security setting may allow this configuration to call "
                + "user-defined scripts"), hooks.startupWarnings());
    }

    @Test
    void theValueIsSplitAgainSoInnerQuotesGroupWords() throws Exception {
        Files.createDirectory(dir.resolve("my scripts"));
        Fixture.script(dir.resolve("my scripts"), "up.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun",
                "up \"'my scripts/up.sh' -v \\\"two words\\\"\""));
        ScriptCommand up = hooks.command(TunnelEventType.UP).orElseThrow();
        assertEquals(List.of("my scripts/up.sh", "-v", "two words"), up.words());
        assertEquals(dir.resolve("my scripts/up.sh"), up.program());
    }

    @Test
    void ipchangeTurnsCommasIntoBlanks() throws Exception {
        Fixture.script(dir, "ip.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "ipchange ip.sh,a,b"));
        assertEquals(List.of("ip.sh", "a", "b"), hooks.command(TunnelEventType.IPCHANGE).orElseThrow().words());
    }

    @Test
    void aMissingProgramStopsTheStartWithItsLine() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ScriptHooks.fromConfig(
                Fixture.config(dir, "dev tun", "script-security 2", "route-up \"nothere.sh arg\"")));
        assertEquals("test.conf:3: option 'route-up': --route-up script fails with 'nothere.sh': No such file or "
                + "directory", e.getMessage());
    }

    @Test
    void aProgramThatMayNotBeExecutedIsRefused() throws Exception {
        Files.writeString(dir.resolve("plain.sh"), "#!/bin/sh\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ScriptHooks.fromConfig(
                Fixture.config(dir, "dev tun", "server 10.8.0.0 255.255.255.0", "learn-address plain.sh")));
        assertEquals("test.conf:3: option 'learn-address': --learn-address script fails with 'plain.sh': "
                + "Permission denied", e.getMessage());
    }

    @Test
    void aSecondDefinitionOverridesTheFirstWithOpenVpnsWarning() throws Exception {
        Fixture.script(dir, "a.sh", "exit 0");
        Fixture.script(dir, "b.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "script-security 3", "down a.sh",
                "down b.sh"));
        assertEquals(dir.resolve("b.sh"), hooks.command(TunnelEventType.DOWN).orElseThrow().program());
        assertTrue(hooks.startupWarnings().contains(
                "Multiple --down scripts defined.  The previously configured script is overridden."));
        assertEquals(3, hooks.scriptSecurity());
    }

    @Test
    void routeUpAndRoutePreDownAreScriptsOfTheirOwn() throws Exception {
        Fixture.script(dir, "r.sh", "exit 0");
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "route-up r.sh", "route-pre-down r.sh"));
        assertTrue(hooks.command(TunnelEventType.ROUTE_UP).isPresent());
        assertTrue(hooks.command(TunnelEventType.ROUTE_PRE_DOWN).isPresent());
        assertFalse(hooks.command(TunnelEventType.UP).isPresent());
    }

    @Test
    void tmpDirNamesWhereClientConnectFilesGo() throws Exception {
        Files.createDirectory(dir.resolve("t"));
        ScriptHooks hooks = ScriptHooks.fromConfig(Fixture.config(dir, "dev tun", "tmp-dir t"));
        assertEquals(dir.resolve("t"), hooks.tmpDir());
        assertFalse(hooks.any());
        assertEquals(List.of(), hooks.startupWarnings());
    }
}
