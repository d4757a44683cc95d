package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.tun.DeviceType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IfReqTest {

    @Test
    void layoutIsNameThenFlagsIn40Bytes() {
        ByteBuffer ifr = IfReq.forTunSetIff("tun%d", IfReq.tunFlags(DeviceType.TUN));
        assertEquals(40, ifr.capacity(), "sizeof(struct ifreq) on LP64");
        assertTrue(ifr.isDirect(), "the kernel reads it through a pointer");
        assertEquals(ByteOrder.nativeOrder(), ifr.order());
        byte[] name = new byte[16];
        ifr.get(0, name);
        byte[] expected = new byte[16];
        System.arraycopy("tun%d".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 5);
        assertEquals(ByteBuffer.wrap(expected), ByteBuffer.wrap(name), "ifr_name, NUL-padded");
        assertEquals(0x1001, ifr.getShort(16), "ifr_flags = IFF_TUN | IFF_NO_PI");
        for (int i = 18; i < 40; i++) {
            assertEquals(0, ifr.get(i), "rest of the union is zero at " + i);
        }
    }

    @Test
    void tapAsksForIffTapWithoutPacketInformation() {
        assertEquals(0x1002, IfReq.tunFlags(DeviceType.TAP));
        assertEquals(0x1002, IfReq.flags(IfReq.forTunSetIff("tap%d", IfReq.tunFlags(DeviceType.TAP))));
    }

    @Test
    void readsBackTheNameTheKernelWrote() {
        ByteBuffer ifr = IfReq.forTunSetIff("tun%d", IfReq.tunFlags(DeviceType.TUN));
        // What TUNSETIFF does on success: ifr_name becomes the real name, NUL-terminated.
        ifr.put(0, "tun12\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("tun12", IfReq.name(ifr));
    }

    @Test
    void aFifteenByteNameFillsTheArrayUpToItsTerminator() {
        ByteBuffer ifr = IfReq.forTunSetIff("abcdefghijklmno", (short) 0);
        assertEquals("abcdefghijklmno", IfReq.name(ifr));
        assertEquals(0, ifr.get(15), "byte 16 stays the terminating NUL");
        assertThrows(IllegalArgumentException.class, () -> IfReq.forTunSetIff("abcdefghijklmnop", (short) 0));
    }

    @Test
    void flagsAreDescribedForErrorMessages() {
        assertEquals("IFF_TUN|IFF_NO_PI", LinuxTunDriver.describeFlags(IfReq.tunFlags(DeviceType.TUN)));
        assertEquals("IFF_TAP|IFF_NO_PI", LinuxTunDriver.describeFlags(IfReq.tunFlags(DeviceType.TAP)));
    }
}
