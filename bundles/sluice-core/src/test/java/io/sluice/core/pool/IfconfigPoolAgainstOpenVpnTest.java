package io.sluice.core.pool;

import static io.sluice.core.pool.Pools.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.pool.PoolSpec;
import io.sluice.core.time.FakeClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays what a real OpenVPN 2.6.14 server did (openvpn-2.6.14-pool-assignments.txt): the same
 * pool, persist file and sequence of connects and disconnects must give every client the address
 * OpenVPN pushed, refuse the clients OpenVPN refused, and leave the same persist file, byte for
 * byte.
 */
class IfconfigPoolAgainstOpenVpnTest {

    private static final String FIXTURE = "openvpn-2.6.14-pool-assignments.txt";

    @TempDir
    Path dir;

    private record Scenario(String name, List<String> options, List<String> file, String poolStart, String poolEnd,
                            int poolSize, List<String> steps, List<String> expectedFile) {
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedScenarioAssignsWhatOpenVpnAssigned() throws IOException {
        List<Scenario> scenarios = scenarios();
        assertEquals(9, scenarios.size());
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> replay(s)));
    }

    private void replay(Scenario s) throws IOException {
        String topology = option(s, "topology").orElse("net30");
        boolean net30 = topology.equals("net30");
        int seconds = Integer.parseInt(option(s, "ifconfig-pool-persist").orElseThrow().split(" ")[1]);
        Path file = dir.resolve(s.name() + ".txt");
        String initial = s.file().isEmpty() ? null : String.join("\n", s.file()) + "\n";
        if (initial != null) {
            Files.writeString(file, initial);
        }
        PoolSpec spec = new PoolSpec(s.name(), List.of(Pools.range(s.poolStart(), s.poolEnd())), net30 ? 4 : 1,
                Optional.of(file), Duration.ofSeconds(seconds));
        IfconfigPool pool = new IfconfigPoolFactory(new FakeClock()).create(spec, s.options().contains("duplicate-cn"));
        assertEquals(s.poolSize(), pool.size(), "pool size");

        Map<String, Deque<PoolLease>> held = new HashMap<>();
        for (String step : s.steps()) {
            String[] f = step.split(" ");
            if (f[0].equals("disconnect")) {
                assertTrue(pool.release(held.get(f[1]).pop()), step);
                continue;
            }
            Optional<PoolLease> lease = pool.lease(f[1]);
            if (f[2].equals("none")) {
                assertEquals(Optional.empty(), lease, step);
                continue;
            }
            PoolLease l = lease.orElseThrow(() -> new AssertionError("no address: " + step));
            assertEquals(ip(f[3]), l.ipv4().orElseThrow(), step);
            // In net30 OpenVPN pushes the /30's server side as the peer; otherwise a netmask or
            // the server's own address, neither of which comes from the pool.
            assertEquals(net30 ? Optional.of(ip(f[4])) : Optional.empty(), l.ipv4Peer(), step);
            held.computeIfAbsent(f[1], k -> new ArrayDeque<>()).push(l);
        }
        pool.close();

        String expected = s.expectedFile().isEmpty() ? "" : String.join("\n", s.expectedFile()) + "\n";
        assertEquals(expected, Files.readString(file), "persist file after shutdown");
        if (seconds == 0) {
            assertEquals(initial, Files.readString(file), "a read-only file is never written");
        }
    }

    private static Optional<String> option(Scenario s, String name) {
        for (String o : s.options()) {
            if (o.startsWith(name + " ")) {
                return Optional.of(o.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private static List<Scenario> scenarios() throws IOException {
        String text;
        try (InputStream in = IfconfigPoolAgainstOpenVpnTest.class.getResourceAsStream(FIXTURE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Scenario> out = new ArrayList<>();
        String name = null;
        List<String> options = new ArrayList<>();
        List<String> file = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        String start = null;
        String end = null;
        int size = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String word = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            switch (word) {
                case "scenario" -> {
                    name = rest;
                    options = new ArrayList<>();
                    file = new ArrayList<>();
                    steps = new ArrayList<>();
                    expected = new ArrayList<>();
                }
                case "option" -> options.add(rest);
                case "file" -> file.add(rest);
                case "pool" -> {
                    start = rest.split(" ")[0];
                    end = rest.split(" ")[1];
                }
                case "pool-size" -> size = Integer.parseInt(rest);
                case "connect", "disconnect" -> steps.add(line);
                case "expect-file" -> expected.add(rest);
                case "end" -> out.add(new Scenario(name, options, file, start, end, size, steps, expected));
                default -> throw new IllegalStateException("unexpected fixture line: " + line);
            }
        }
        return out;
    }
}
