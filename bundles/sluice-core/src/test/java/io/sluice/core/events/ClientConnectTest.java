package io.sluice.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.event.HookResult;
import io.sluice.api.event.TunnelEventListener;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's per-client scripts: client-connect's file and veto, learn-address, client-disconnect. */
class ClientConnectTest {

    @TempDir
    Path dir;

    private final Fixture.LogLines logged = new Fixture.LogLines();
    private final List<TunnelEventListener> listeners = new CopyOnWriteArrayList<>();
    private InstanceEvents events;

    @AfterEach
    void close() {
        if (events != null) {
            events.close();
        }
    }

    private InstanceEvents server(Duration limit, String... extra) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        StringBuilder text = new StringBuilder(String.join("\n", "dev tun", "proto udp", "port 21300",
                "local 127.0.0.1", "topology subnet", "server 10.77.0.0 255.255.255.0", "server-ipv6 fd77::/64",
                "setenv FOO bar", "verb 3", "script-security 2", "tmp-dir tmp")).append('\n');
        for (String line : extra) {
            text.append(line).append('\n');
        }
        Files.writeString(dir.resolve("server.conf"), text);
        OpenVpnConfig config = ConfigParser.parseCommandLine(List.of("--config", "server.conf"), dir);
        EventDispatcher dispatcher = new EventDispatcher("server", ScriptHooks.fromConfig(config),
                () -> List.copyOf(listeners), TunnelLog.to(logged, 4), limit);
        events = new InstanceEvents(dispatcher, Environments.instance(config, 23669, Instant.ofEpochSecond(1795321875)));
        DeviceFacts tun0 = new DeviceFacts("tun0", DeviceType.TUN, Topology.SUBNET, 1500,
                Optional.of(EnvironmentsTest.v4("10.77.0.1")), Optional.of(EnvironmentsTest.v4("255.255.255.0")),
                Optional.of(EnvironmentsTest.v6("fd77::1")), 64, Optional.of(EnvironmentsTest.v6("fd77::2")));
        UpDownScriptsTest.await(events.up(tun0, RouteFacts.NONE, false));
        UpDownScriptsTest.await(events.routeUp(false));
        return events;
    }

    /** client-1 from 127.0.0.1:37741 with the peer info and addresses of the capture. */
    static ConnectFacts client1() throws Exception {
        Map<String, String> peerInfo = new LinkedHashMap<>();
        OpenVpn2614Capture.variables(OpenVpn2614Capture.SERVER_CLIENT_CONNECT).forEach((k, v) -> {
            if (k.startsWith("IV_")) {
                peerInfo.put(k, v);
            }
        });
        PeerFacts peer = new PeerFacts(new InetSocketAddress(EnvironmentsTest.v4("127.0.0.1"), 37741), "client-1",
                List.of(OpenVpn2614Capture.certificate(OpenVpn2614Capture.CLIENT),
                        OpenVpn2614Capture.certificate(OpenVpn2614Capture.CA)));
        PoolAddresses pool = new PoolAddresses(Optional.of(EnvironmentsTest.v4("10.77.0.2")),
                Optional.of(EnvironmentsTest.v4("255.255.255.0")), true, Optional.of(EnvironmentsTest.v6("fd77::1000")),
                Optional.of(EnvironmentsTest.v6("fd77::1")), 64);
        return new ConnectFacts(peer, peerInfo, Optional.empty(), pool, Instant.ofEpochSecond(1795321876),
                ZoneOffset.UTC);
    }

    private long tmpFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            return s.count();
        }
    }

    @Test
    void clientConnectGetsTheVariablesOpenVpn2614SetAndAFileAsItsLastArgument() throws Exception {
        Path out = dir.resolve("cc.txt");
        Fixture.recorder(dir, "cc.sh", out, "exit 0");
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect \"cc.sh S\"").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));

        assertTrue(outcome.allowed());
        List<String> args = Fixture.recordedArguments(out);
        Map<String, String> env = new TreeMap<>(Fixture.recordedEnvironment(out));
        assertEquals(2, args.size());
        assertEquals("S", args.get(0));
        assertEquals(args.get(1), env.remove("client_connect_config_file"));
        String deferred = env.remove("client_connect_deferred_file");
        assertTrue(Path.of(args.get(1)).getFileName().toString().matches("openvpn_cc_[0-9a-f]{32}\\.tmp"), args::toString);
        assertTrue(Path.of(deferred).getFileName().toString().matches("openvpn_ccr_[0-9a-f]{32}\\.tmp"), deferred);
        assertEquals(dir.resolve("tmp"), Path.of(args.get(1)).getParent());
        assertEquals(new TreeMap<>(OpenVpn2614Capture.variables(OpenVpn2614Capture.SERVER_CLIENT_CONNECT)), env);
        assertEquals(0, tmpFiles(), "temporary files are removed");
    }

    @Test
    void theScriptsFileLinesComeFirstThenTheListenersLines() throws Exception {
        Fixture.script(dir, "cc.sh", "echo 'push \"route 10.1.0.0 255.255.0.0\"' > \"$1\"\n"
                + "echo 'ifconfig-push 10.77.0.50 255.255.255.0' >> \"$1\"");
        listeners.add(event -> CompletableFuture.completedFuture(
                new HookResult(true, List.of("iroute 10.2.0.0 255.255.0.0"), "")));
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect cc.sh").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));

        assertTrue(outcome.allowed());
        assertEquals(List.of("push \"route 10.1.0.0 255.255.0.0\"", "ifconfig-push 10.77.0.50 255.255.255.0",
                "iroute 10.2.0.0 255.255.0.0"), outcome.configLines());
        assertEquals(0, tmpFiles());
    }

    @Test
    void authUserPassVerifyViaFileGetsAnOwnerOnlyFileWithUsernameAndPasswordAndNoPasswordVariable() throws Exception {
        Path out = dir.resolve("up.txt");
        Fixture.script(dir, "verify.sh", "{ ls -l \"$1\" | cut -c1-10; cat \"$1\"; echo \"user=$username\";"
                + " echo \"password=${password-unset}\"; echo \"type=$script_type\"; echo \"cn=$common_name\"; }"
                + " > '" + out + "'\n[ \"$(sed -n 2p \"$1\")\" = s3cret ]");
        InstanceEvents server = server(Duration.ofSeconds(20), "auth-user-pass-verify verify.sh via-file");
        SessionEvents session = server.newSession();
        assertTrue(session.verifiesUserPass());
        EventOutcome right = UpDownScriptsTest.await(session.userPassVerify(client1().peer(), Map.of("IV_VER", "2.6.14"),
                "alice", "s3cret"));
        assertTrue(right.allowed(), right::reason);
        assertEquals(List.of("-rw-------", "alice", "s3cret", "user=alice", "password=unset", "type=user-pass-verify",
                "cn=client-1"), Files.readAllLines(out));
        assertEquals(0, tmpFiles(), "the password file is removed");
        assertFalse(session.environment().snapshot().containsKey("password"), "no password kept in the session");

        EventOutcome wrong = UpDownScriptsTest.await(server.newSession().userPassVerify(client1().peer(), Map.of(),
                "alice", "guess"));
        assertFalse(wrong.allowed());
    }

    @Test
    void authUserPassVerifyViaEnvHasThePasswordInTheEnvironment() throws Exception {
        Fixture.script(dir, "verify.sh", "[ \"$username\" = bob ] && [ \"$password\" = hunter2 ] && [ $# -eq 0 ]");
        SessionEvents session = server(Duration.ofSeconds(20), "auth-user-pass-verify verify.sh via-env").newSession();
        assertTrue(UpDownScriptsTest.await(session.userPassVerify(client1().peer(), Map.of(), "bob", "hunter2"))
                .allowed());
    }

    @Test
    void aNonZeroExitStatusRefusesTheClient() throws Exception {
        Fixture.script(dir, "no.sh", "echo 'push \"echo never\"' > \"$1\"\nexit 1");
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect no.sh").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));

        assertFalse(outcome.allowed());
        assertEquals(List.of(), outcome.configLines());
        assertEquals(List.of("--client-connect script: external program exited with error status: 1"),
                outcome.reasons());
        assertTrue(logged.lines.contains(
                "WARN WARNING: Failed running command (--client-connect): external program exited with error status: 1"));
        assertEquals(0, tmpFiles());
    }

    @Test
    void aListenersDenyRefusesTheClientTheScriptAdmitted() throws Exception {
        Fixture.script(dir, "yes.sh", "exit 0");
        listeners.add(event -> CompletableFuture.completedFuture(HookResult.deny("quota exceeded")));
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect yes.sh").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));
        assertFalse(outcome.allowed());
        assertEquals(List.of("quota exceeded"), outcome.reasons());
    }

    @Test
    void aDeferredClientConnectAdmitsWhenItsBackgroundJobWritesOne() throws Exception {
        Fixture.script(dir, "later.sh", "echo 2 > \"$client_connect_deferred_file\"\n"
                + "( sleep 0.3; echo 'push \"echo later\"' > \"$client_connect_config_file\";"
                + " echo 1 > \"$client_connect_deferred_file\" ) >/dev/null 2>&1 &\nexit 0");
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect later.sh").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));
        assertTrue(outcome.allowed(), outcome::reason);
        assertEquals(List.of("push \"echo later\""), outcome.configLines());
    }

    @Test
    void aDeferredClientConnectThatAnswersZeroRefuses() throws Exception {
        Fixture.script(dir, "later.sh", "echo 2 > \"$client_connect_deferred_file\"\n"
                + "( sleep 0.2; echo 0 > \"$client_connect_deferred_file\" ) >/dev/null 2>&1 &\nexit 0");
        SessionEvents session = server(Duration.ofSeconds(20), "client-connect later.sh").newSession();
        EventOutcome outcome = UpDownScriptsTest.await(session.clientConnect(client1()));
        assertFalse(outcome.allowed());
        assertTrue(logged.lines.contains("INFO MULTI: deferred --client-connect script returned CC_RET_FAILED"));
    }

    @Test
    void learnAddressAddNamesTheClientAndDeleteGetsOnlyTheScriptType() throws Exception {
        Path add = dir.resolve("add.txt");
        Path del = dir.resolve("del.txt");
        Fixture.script(dir, "learn.sh", "if [ \"$1\" = delete ]; then out='" + del + "'; else out='" + add + "'; fi\n"
                + "{ for a in \"$@\"; do printf 'ARG=%s\\n' \"$a\"; done; env; } > \"$out\"");
        InstanceEvents server = server(Duration.ofSeconds(20), "learn-address learn.sh");
        SessionEvents session = server.newSession();
        UpDownScriptsTest.await(session.clientConnect(client1()));
        assertTrue(UpDownScriptsTest.await(session.learnAddress("add", "10.77.0.2")).allowed());
        assertTrue(UpDownScriptsTest.await(session.learnAddress("delete", "10.77.0.2")).allowed());

        assertEquals(List.of("add", "10.77.0.2", "client-1"), Fixture.recordedArguments(add));
        Map<String, String> addEnv = Fixture.recordedEnvironment(add);
        assertEquals("learn-address", addEnv.get("script_type"));
        assertEquals("10.77.0.2", addEnv.get("ifconfig_pool_remote_ip"));
        assertEquals(List.of("delete", "10.77.0.2"), Fixture.recordedArguments(del));
        assertEquals(Map.of("script_type", "learn-address"), Fixture.recordedEnvironment(del));
    }

    @Test
    void aFailingLearnAddressKeepsTheAddressOut() throws Exception {
        Fixture.script(dir, "learn.sh", "exit 1");
        SessionEvents session = server(Duration.ofSeconds(20), "learn-address learn.sh").newSession();
        UpDownScriptsTest.await(session.clientConnect(client1()));
        assertFalse(UpDownScriptsTest.await(session.learnAddress("add", "10.77.0.2")).allowed());
    }

    @Test
    void clientDisconnectRunsOnlyForAClientClientConnectAdmitted() throws Exception {
        Path out = dir.resolve("bye.txt");
        Fixture.recorder(dir, "bye.sh", out, "exit 0");
        Fixture.script(dir, "cc.sh", "[ \"$common_name\" = client-1 ]");
        InstanceEvents server = server(Duration.ofSeconds(20), "client-connect cc.sh", "client-disconnect bye.sh");
        DisconnectFacts bye = new DisconnectFacts(new InetSocketAddress(EnvironmentsTest.v4("127.0.0.1"), 37741),
                2181, 2201, Duration.ofSeconds(11));

        SessionEvents refused = server.newSession();
        ConnectFacts mallory = new ConnectFacts(new PeerFacts(client1().peer().address(), "mallory", List.of()),
                Map.of(), Optional.empty(), PoolAddresses.NONE, Instant.ofEpochSecond(1795321876), ZoneOffset.UTC);
        assertFalse(UpDownScriptsTest.await(refused.clientConnect(mallory)).allowed());
        UpDownScriptsTest.await(refused.clientDisconnect(bye));
        assertFalse(Files.exists(out));

        SessionEvents admitted = server.newSession();
        assertTrue(UpDownScriptsTest.await(admitted.clientConnect(client1())).allowed());
        assertTrue(UpDownScriptsTest.await(admitted.clientDisconnect(bye)).allowed());
        Map<String, String> env = Fixture.recordedEnvironment(out);
        assertEquals(List.of(), Fixture.recordedArguments(out));
        assertEquals("client-disconnect", env.get("script_type"));
        assertEquals("2181", env.get("bytes_received"));
        assertEquals("2201", env.get("bytes_sent"));
        assertEquals("11", env.get("time_duration"));
        assertEquals("client-1", env.get("common_name"));
    }

    @Test
    void eachClientStartsFromTheServersVariablesNotAnotherClients() throws Exception {
        InstanceEvents server = server(Duration.ofSeconds(20));
        SessionEvents one = server.newSession();
        UpDownScriptsTest.await(one.clientConnect(client1()));
        SessionEvents two = server.newSession();
        assertEquals("client-1", one.environment().get("common_name"));
        assertEquals(null, two.environment().get("common_name"));
        assertEquals("tun0", two.environment().get("dev"));
    }
}
