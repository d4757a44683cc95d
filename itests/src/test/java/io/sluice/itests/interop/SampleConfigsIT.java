package io.sluice.itests.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.config.ConfigParser;
import io.sluice.config.ConfigWriter;
import io.sluice.config.FileAccessCheck;
import io.sluice.config.IfconfigPool;
import io.sluice.config.Mode;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.Topology;
import io.sluice.itests.net.Commands;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.NsProcess;
import io.sluice.itests.net.Preconditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenVPN's own sample configurations, as Debian's openvpn package ships them (read where the
 * package installed them, not copied into this repository), read by Sluice's configuration
 * language and by the real OpenVPN 2.6.
 *
 * <p>The helper expansion ({@code server}, {@code server-ipv6}, {@code keepalive}) is checked
 * differentially: OpenVPN is started on the same file and options, inside a namespace of the
 * test's own, and its {@code --verb 4} parameter dump (pool, ifconfig, pushes, ping timers) must
 * match what Sluice derived.
 */
@Timeout(120)
class SampleConfigsIT {

    private static final Path EXAMPLES = Path.of("/usr/share/doc/openvpn/examples");
    private static final Path SAMPLES = EXAMPLES.resolve("sample-config-files");

    @TempDir
    Path dir;

    @BeforeAll
    static void openvpnAndItsSamplesAreInstalled() {
        Preconditions.requireRootAndTun();
        assertTrue(Files.isRegularFile(SAMPLES.resolve("server.conf")),
                "Debian's openvpn package must be installed with its examples: " + SAMPLES);
    }

    @Test
    void everyShippedSampleParsesAndRoundTripsThroughTheWriter() throws Exception {
        // The loopback samples name their keys relative to the examples directory.
        for (String name : List.of("server.conf", "client.conf", "loopback-server", "loopback-client")) {
            OpenVpnConfig config = ConfigParser.parseFile(SAMPLES.resolve(name), EXAMPLES);
            OpenVpnConfig again = ConfigParser.parseString(ConfigWriter.write(config), name, EXAMPLES);
            assertTrue(config.sameModelAs(again), name + " does not survive a write and re-read");
        }
        // Their key files are where they say: the file-access step passes with the sample keys.
        FileAccessCheck.check(ConfigParser.parseFile(SAMPLES.resolve("loopback-server"), EXAMPLES));
        OpenVpnConfig client = ConfigParser.parseFile(SAMPLES.resolve("client.conf"), EXAMPLES);
        assertEquals(Mode.CLIENT, client.mode());
        assertEquals("my-server-1", client.transport().remotes().get(0).host());
    }

    @Test
    void serverSampleExpandsLikeOpenVpn() throws Exception {
        compareWithOpenVpn(List.of());
    }

    @Test
    void serverSampleWithNet30ExpandsLikeOpenVpn() throws Exception {
        compareWithOpenVpn(List.of("--topology", "net30"));
    }

    @Test
    void serverSampleWithIpv6PoolExpandsLikeOpenVpn() throws Exception {
        compareWithOpenVpn(List.of("--server-ipv6", "fd00:8::/64"));
    }

    /**
     * Runs OpenVPN on Debian's sample server.conf plus {@code extra} options and compares its
     * parameter dump with Sluice's model of the same command line.
     */
    private void compareWithOpenVpn(List<String> extra) throws Exception {
        for (String key : List.of("ca.crt", "server.crt", "server.key", "dh2048.pem")) {
            Files.copy(EXAMPLES.resolve("sample-keys").resolve(key), dir.resolve(key));
        }
        List<String> args = new ArrayList<>(List.of("--config", SAMPLES.resolve("server.conf").toString(),
                "--ifconfig-pool-persist", dir.resolve("ipp.txt").toString(),
                "--status", dir.resolve("status.log").toString(), "--verb", "4", "--disable-dco"));
        args.addAll(extra);

        Map<String, List<String>> dump = openVpnParameters(args);
        OpenVpnConfig sluice = ConfigParser.parseCommandLine(args, dir);

        assertEquals(Mode.SERVER, sluice.mode());
        assertEquals(dump.get("ifconfig_local"), List.of("'" + sluice.network().ifconfig().orElseThrow().local() + "'"));
        assertEquals(dump.get("ifconfig_remote_netmask"),
                List.of("'" + sluice.network().ifconfig().orElseThrow().remoteOrNetmask() + "'"));
        IfconfigPool pool = sluice.network().ifconfigPool().orElseThrow();
        assertEquals(dump.get("ifconfig_pool_start"), List.of(pool.start()));
        assertEquals(dump.get("ifconfig_pool_end"), List.of(pool.end()));
        assertEquals(dump.get("topology"), List.of(Integer.toString(openVpnTopologyNumber(sluice.network().topology()))));
        assertEquals(dump.get("ping_send_timeout"), List.of(Integer.toString(sluice.liveness().ping())));
        assertEquals(dump.get("ping_rec_timeout"), List.of(Integer.toString(sluice.liveness().pingRestart())));
        List<String> openVpnPushes = dump.getOrDefault("push_entry", List.of()).stream()
                .map(v -> v.substring(1, v.length() - 1)).toList();
        assertEquals(openVpnPushes, sluice.network().push(), "pushed options, in order");
        boolean ipv6Pool = dump.get("ifconfig_ipv6_pool_defined").equals(List.of("ENABLED"));
        assertEquals(ipv6Pool, sluice.network().ifconfigIpv6Pool().isPresent());
        if (ipv6Pool) {
            assertEquals(dump.get("ifconfig_ipv6_local").get(0),
                    "'" + sluice.network().ifconfigIpv6().orElseThrow().split("/")[0] + "'");
            assertEquals(dump.get("ifconfig_ipv6_pool_base").get(0) + "/" + dump.get("ifconfig_ipv6_pool_netbits").get(0),
                    sluice.network().ifconfigIpv6Pool().orElseThrow());
        }
    }

    /** OpenVPN's TOP_* numbers as its parameter dump prints them (options.h). */
    private static int openVpnTopologyNumber(Topology t) {
        return switch (t) {
            case NET30 -> 1;
            case P2P -> 2;
            case SUBNET -> 3;
        };
    }

    /**
     * Starts OpenVPN in a fresh namespace of this test's, waits for its parameter dump to finish,
     * and returns {@code name = value} pairs from it (several values where a name repeats).
     */
    private Map<String, List<String>> openVpnParameters(List<String> args) throws IOException, InterruptedException {
        try (NetLab lab = NetLab.open("SampleConfigsIT-" + String.join("", args).hashCode())) {
            Ns ns = lab.namespace("server");
            List<String> cmd = new ArrayList<>(List.of(Commands.path("openvpn")));
            cmd.addAll(args);
            NsProcess openvpn = lab.start(ns, "openvpn", cmd, Map.of(), dir);
            openvpn.awaitLine("Initialization Sequence Completed", Duration.ofSeconds(30));
            Map<String, List<String>> values = new LinkedHashMap<>();
            Pattern setting = Pattern.compile("^\\S+ \\S+ us=\\d+ +(\\w+) = (.*)$");
            for (String line : openvpn.lines()) {
                Matcher m = setting.matcher(line);
                if (m.matches()) {
                    values.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
                }
            }
            assertTrue(values.containsKey("ifconfig_pool_start"), "no parameter dump from OpenVPN:\n" + openvpn.tail(30));
            return values;
        }
    }
}
