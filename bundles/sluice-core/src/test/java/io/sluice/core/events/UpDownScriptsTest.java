package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.tun.DeviceType;
import io.sluice.config.ConfigParser;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.Topology;
import io.sluice.core.log.TunnelLog;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's scripts run as OpenVPN 2.6 runs them: real {@code /bin/sh} scripts, real processes. */
class UpDownScriptsTest {

    @TempDir
    Path dir;

    private final Fixture.LogLines logged = new Fixture.LogLines();
    private InstanceEvents events;

    @AfterEach
    void close() {
        if (events != null) {
            events.close();
        }
    }

    private InstanceEvents events(OpenVpnConfig config, Duration limit) throws Exception {
        EventDispatcher dispatcher = new EventDispatcher("client", ScriptHooks.fromConfig(config), List::of,
                TunnelLog.to(logged, 4), limit);
        events = new InstanceEvents(dispatcher, Environments.instance(config, 23677, Instant.ofEpochSecond(1795321876)));
        return events;
    }

    private OpenVpnConfig clientConfig(String... extra) throws Exception {
        StringBuilder text = new StringBuilder(String.join("\n", "client", "dev tun", "proto udp",
                "remote 127.0.0.1 21300", "nobind", "verb 3")).append('\n');
        for (String line : extra) {
            text.append(line).append('\n');
        }
        Files.writeString(dir.resolve("client.conf"), text);
        return ConfigParser.parseCommandLine(List.of("--config", "client.conf"), dir);
    }

    static DeviceFacts tun1() throws Exception {
        return new DeviceFacts("tun1", DeviceType.TUN, Topology.SUBNET, 1500,
                Optional.of(EnvironmentsTest.v4("10.77.0.2")), Optional.of(EnvironmentsTest.v4("255.255.255.0")),
                Optional.of(EnvironmentsTest.v6("fd77::1000")), 64, Optional.of(EnvironmentsTest.v6("fd77::1")));
    }

    static RouteFacts capturedRoutes() throws Exception {
        return new RouteFacts(Optional.of(EnvironmentsTest.v4("10.77.0.1")), Optional.of(EnvironmentsTest.v4("0.0.0.0")),
                List.of(new RouteFacts.Ipv4Route(EnvironmentsTest.v4("192.0.2.0"), EnvironmentsTest.v4("255.255.255.0"),
                        EnvironmentsTest.v4("10.77.0.1"), OptionalInt.empty())),
                Optional.empty(),
                List.of(new RouteFacts.Ipv6Route(EnvironmentsTest.v6("2001:db8:5::"), 48, EnvironmentsTest.v6("fd77::1"),
                        OptionalInt.empty())));
    }

    static PeerFacts server() throws Exception {
        return new PeerFacts(new InetSocketAddress(EnvironmentsTest.v4("127.0.0.1"), 21300), "server-1",
                List.of(OpenVpn2614Capture.certificate(OpenVpn2614Capture.SERVER),
                        OpenVpn2614Capture.certificate(OpenVpn2614Capture.CA)));
    }

    static EventOutcome await(java.util.concurrent.CompletionStage<EventOutcome> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void upGetsOpenVpnsArgumentsAndExactlyTheVariablesOpenVpn2614Set() throws Exception {
        Path out = dir.resolve("up.txt");
        Fixture.recorder(dir, "rec.sh", out, "exit 0");
        InstanceEvents ev = events(clientConfig("script-security 2", "up rec.sh"), Duration.ofSeconds(20));
        await(ev.ipchange(server()));
        ev.pushed(List.of(), List.of());
        EventOutcome up = await(ev.up(tun1(), capturedRoutes(), false));

        assertTrue(up.allowed());
        assertFalse(up.fatal());
        assertEquals(List.of(OpenVpn2614Capture.CLIENT_UP_ARGUMENTS.split(" ")), Fixture.recordedArguments(out));
        assertEquals(new TreeMap<>(OpenVpn2614Capture.variables(OpenVpn2614Capture.CLIENT_UP)),
                new TreeMap<>(Fixture.recordedEnvironment(out)));
        assertTrue(logged.lines.contains("INFO rec.sh tun1 1500 0 10.77.0.2 255.255.255.0 init"), logged.lines::toString);
    }

    @Test
    void ipchangeGetsAddressAndPortAsOneWordAndTheTrustedVariables() throws Exception {
        Path out = dir.resolve("ip.txt");
        Fixture.recorder(dir, "ip.sh", out, "exit 0");
        InstanceEvents ev = events(clientConfig("script-security 2", "ipchange \"ip.sh first\""), Duration.ofSeconds(20));
        assertTrue(await(ev.ipchange(server())).allowed());
        assertEquals(List.of("first", "[AF_INET]127.0.0.1 21300"), Fixture.recordedArguments(out));
        Map<String, String> env = Fixture.recordedEnvironment(out);
        assertEquals("ipchange", env.get("script_type"));
        assertEquals("127.0.0.1", env.get("trusted_ip"));
        assertEquals("21300", env.get("trusted_port"));
        assertEquals("server-1", env.get("common_name"));
    }

    @Test
    void routePreDownAndDownGetUpsArgumentsAndTheSignal() throws Exception {
        Path pre = dir.resolve("pre.txt");
        Path down = dir.resolve("down.txt");
        Path routeUp = dir.resolve("routeup.txt");
        Fixture.recorder(dir, "pre.sh", pre, "exit 0");
        Fixture.recorder(dir, "down.sh", down, "exit 0");
        Fixture.recorder(dir, "routeup.sh", routeUp, "exit 0");
        InstanceEvents ev = events(clientConfig("script-security 2", "route-pre-down pre.sh", "down down.sh",
                "route-up routeup.sh"), Duration.ofSeconds(20));
        await(ev.up(tun1(), capturedRoutes(), false));
        await(ev.routeUp(false));
        await(ev.routePreDown("sigterm"));
        await(ev.down("sigterm", false));

        assertEquals(List.of(), Fixture.recordedArguments(routeUp));
        assertEquals("0", Fixture.recordedEnvironment(routeUp).get("redirect_gateway"));
        for (Path out : List.of(pre, down)) {
            assertEquals(List.of(OpenVpn2614Capture.CLIENT_UP_ARGUMENTS.split(" ")), Fixture.recordedArguments(out));
            Map<String, String> env = Fixture.recordedEnvironment(out);
            assertEquals("sigterm", env.get("signal"));
            assertEquals("init", env.get("script_context"));
        }
        assertEquals("route-pre-down", Fixture.recordedEnvironment(pre).get("script_type"));
        assertEquals("down", Fixture.recordedEnvironment(down).get("script_type"));
        assertTrue(logged.lines.contains("INFO pre.sh tun1 1500 0 10.77.0.2 255.255.255.0 init"));
        assertTrue(logged.lines.contains("INFO down.sh tun1 1500 0 10.77.0.2 255.255.255.0 init"));
    }

    @Test
    void belowScriptSecurityTwoNothingRunsUpIsFatalAndTheWarningComesOnce() throws Exception {
        Path marker = dir.resolve("ran");
        Fixture.script(dir, "touch.sh", "echo yes > '" + marker + "'");
        InstanceEvents ev = events(clientConfig("up touch.sh", "route-up touch.sh"), Duration.ofSeconds(20));
        EventOutcome up = await(ev.up(tun1(), RouteFacts.NONE, false));
        EventOutcome routeUp = await(ev.routeUp(false));

        assertFalse(Files.exists(marker));
        assertTrue(up.fatal());
        assertEquals(ScriptResult.Status.NOT_ALLOWED, up.script().orElseThrow().status());
        assertFalse(routeUp.fatal());
        assertFalse(routeUp.allowed());
        assertEquals(1, logged.count("WARN " + ScriptHooks.SCRIPT_SECURITY_WARNING));
        assertEquals(1, logged.count(
                "ERROR WARNING: Failed running command (--up/--down): disallowed by script-security setting"));
        assertEquals(1, logged.count(
                "WARN WARNING: Failed running command (--route-up): disallowed by script-security setting"));
    }

    @Test
    void aFailingUpScriptIsFatalWithOpenVpnsMessage() throws Exception {
        Fixture.script(dir, "fail.sh", "exit 1");
        InstanceEvents ev = events(clientConfig("script-security 2", "up fail.sh"), Duration.ofSeconds(20));
        EventOutcome up = await(ev.up(tun1(), RouteFacts.NONE, false));
        assertTrue(up.fatal());
        assertEquals(OptionalInt.of(1), up.script().orElseThrow().exitStatus());
        assertTrue(logged.lines.contains(
                "ERROR WARNING: Failed running command (--up/--down): external program exited with error status: 1"));
    }

    @Test
    void aFailingRouteUpIsLoggedButNotFatal() throws Exception {
        Fixture.script(dir, "fail.sh", "exit 3");
        InstanceEvents ev = events(clientConfig("script-security 2", "route-up fail.sh"), Duration.ofSeconds(20));
        EventOutcome routeUp = await(ev.routeUp(true));
        assertFalse(routeUp.fatal());
        assertFalse(routeUp.allowed());
        assertTrue(logged.lines.contains(
                "WARN WARNING: Failed running command (--route-up): external program exited with error status: 3"));
    }

    @Test
    void aHangingScriptAndWhatItStartedAreKilledAtTheTimeLimit() throws Exception {
        Path childPid = dir.resolve("child.pid");
        Fixture.script(dir, "hang.sh", "sleep 60 &\necho $! > '" + childPid + "'\nwait");
        InstanceEvents ev = events(clientConfig("script-security 2", "up hang.sh"), Duration.ofSeconds(1));
        long start = System.nanoTime();
        EventOutcome up = await(ev.up(tun1(), RouteFacts.NONE, false));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(ScriptResult.Status.TIMED_OUT, up.script().orElseThrow().status());
        assertTrue(up.fatal());
        assertTrue(took >= 900 && took < 10_000, "took " + took + " ms");
        assertTrue(logged.lines.contains("ERROR WARNING: Failed running command (--up/--down): external program did "
                + "not exit within 1 s and was killed"), logged.lines::toString);
        long pid = Long.parseLong(Files.readString(childPid).trim());
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        if (child.isPresent()) {
            child.get().onExit().get(5, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sleep still running");
    }

    @Test
    void whatAScriptPrintsGoesToTheLogLineByLine() throws Exception {
        Fixture.script(dir, "talk.sh", "echo hello from up\necho trouble >&2");
        InstanceEvents ev = events(clientConfig("script-security 2", "up talk.sh"), Duration.ofSeconds(20));
        assertTrue(await(ev.up(tun1(), RouteFacts.NONE, false)).allowed());
        assertTrue(logged.lines.contains("INFO hello from up"), logged.lines::toString);
        assertTrue(logged.lines.contains("WARN trouble"), logged.lines::toString);
    }

    @Test
    void aProgramThatCannotBeStartedFailsAsOpenVpnSays() throws Exception {
        Fixture.script(dir, "gone.sh", "exit 0");
        OpenVpnConfig config = clientConfig("script-security 2", "route-up gone.sh");
        InstanceEvents ev = events(config, Duration.ofSeconds(20));
        Files.delete(dir.resolve("gone.sh"));
        EventOutcome routeUp = await(ev.routeUp(false));
        assertEquals(ScriptResult.Status.NOT_EXECUTED, routeUp.script().orElseThrow().status());
        assertTrue(logged.lines.contains(
                "WARN WARNING: Failed running command (--route-up): could not execute external program"));
    }

    @Test
    void withoutADeviceDownHasNothingToRun() throws Exception {
        Path marker = dir.resolve("ran");
        Fixture.script(dir, "touch.sh", "echo yes > '" + marker + "'");
        InstanceEvents ev = events(clientConfig("script-security 2", "down touch.sh"), Duration.ofSeconds(20));
        assertTrue(await(ev.down("sigterm", false)).allowed());
        assertFalse(Files.exists(marker));
    }
}
