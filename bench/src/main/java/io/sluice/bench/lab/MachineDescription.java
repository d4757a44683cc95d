package io.sluice.bench.lab;

import io.sluice.itests.net.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the figures were measured on, for the results file: they mean little without it. The load
 * average before and after says whether something else was running at the same time.
 */
final class MachineDescription {

    private MachineDescription() {
    }

    /** Label to value, in the order the results file lists them. */
    static Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("CPU", cpuModel());
        d.put("Cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        d.put("Kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        d.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        d.put("OpenVPN", firstLine("openvpn", "--version"));
        d.put("iperf3", firstLine("iperf3", "--version"));
        return d;
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown (no model name in /proc/cpuinfo)");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String... command) {
        String out = Commands.run(Duration.ofSeconds(10), command).output().strip();
        int nl = out.indexOf('\n');
        return nl < 0 ? out : out.substring(0, nl);
    }
}
