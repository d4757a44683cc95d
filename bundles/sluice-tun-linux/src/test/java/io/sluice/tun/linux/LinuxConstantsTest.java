package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The numbers copied from kernel headers, checked against values known from strace and the headers. */
class LinuxConstantsTest {

    @Test
    void tunSetIffIsIowT202Int() {
        // strace and linux/if_tun.h: TUNSETIFF _IOW('T', 202, int) == 0x400454ca
        assertEquals(0x400454caL, LinuxConstants.TUNSETIFF);
    }

    @Test
    void ioctlEncodingPutsDirectionSizeTypeAndNumberInTheirFields() {
        assertEquals(0x40000000L | (8L << 16) | ('x' << 8) | 3, Ioctl.iow('x', 3, 8));
        assertThrows(IllegalArgumentException.class, () -> Ioctl.iow('T', 256, 4));
        assertThrows(IllegalArgumentException.class, () -> Ioctl.iow('T', 1, 1 << 14));
    }

    @Test
    void tunFlagsMatchIfTunH() {
        assertEquals(0x0001, LinuxConstants.IFF_TUN);
        assertEquals(0x0002, LinuxConstants.IFF_TAP);
        assertEquals(0x1000, LinuxConstants.IFF_NO_PI);
        assertEquals(16, LinuxConstants.IFNAMSIZ);
    }

    @Test
    void openFlagsAreTheAsmGenericOctalValues() {
        assertEquals(02, LinuxConstants.O_RDWR);
        assertEquals(04000, LinuxConstants.O_NONBLOCK);
        assertEquals(02000000, LinuxConstants.O_CLOEXEC);
    }

    @Test
    void netlinkAlignmentRoundsUpToFour() {
        assertEquals(0, Netlink.align(0));
        assertEquals(4, Netlink.align(1));
        assertEquals(8, Netlink.align(8));
        assertEquals(20, Netlink.align(17));
    }
}
