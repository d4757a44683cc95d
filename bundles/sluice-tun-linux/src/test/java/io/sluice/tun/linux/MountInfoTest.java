package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Mount points from /proc/self/mountinfo, as ip netns exec leaves it. */
class MountInfoTest {

    @Test
    void fifthFieldUnescaped() {
        String mountinfo = "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
                + "27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n"
                + "612 27 8:1 /etc/netns/slc1-1-dns/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/sda1 rw\n"
                + "613 27 0:50 / /mnt/with\\040space\\134x rw - tmpfs tmpfs rw\n";
        Set<String> points = MountInfo.mountPoints(mountinfo);
        assertEquals(Set.of("/proc", "/", "/etc/resolv.conf", "/mnt/with space\\x"), points);
        assertTrue(points.contains("/etc/resolv.conf"));
        assertEquals("a\\0b", MountInfo.unescape("a\\0b"), "not an escape: kept");
    }
}
