package io.sluice.tun.linux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The mount points listed in {@code /proc/self/mountinfo} (proc(5)): the fifth field of each line,
 * with the kernel's octal escapes ({@code \040} for a space, {@code \011}, {@code \012},
 * {@code \134}) undone. {@code ip netns exec} bind-mounts {@code /etc/netns/<ns>/resolv.conf} onto
 * {@code /etc/resolv.conf}, which then shows up here.
 */
final class MountInfo {

    private MountInfo() {
    }

    static Set<String> mountPoints(String mountinfo) {
        Set<String> points = new LinkedHashSet<>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length >= 5) {
                points.add(unescape(fields[4]));
            }
        }
        return points;
    }

    static String unescape(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\' && i + 3 < b.length && octal(b[i + 1]) && octal(b[i + 2]) && octal(b[i + 3])) {
                out.write((b[i + 1] - '0') * 64 + (b[i + 2] - '0') * 8 + (b[i + 3] - '0'));
                i += 3;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean octal(byte c) {
        return c >= '0' && c <= '7';
    }
}
