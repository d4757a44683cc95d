package io.sluice.tun.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code struct ifreq} (linux/if.h) that TUNSETIFF reads and writes back.
 *
 * <pre>
 * struct ifreq {
 *     char ifr_name[IFNAMSIZ];       // offset 0, 16 bytes, NUL-terminated
 *     union {                        // offset 16
 *         short ifr_flags;           //   what TUNSETIFF reads: IFF_TUN/IFF_TAP | IFF_NO_PI
 *         ...
 *         struct ifmap ifr_map;      //   the largest member: 24 bytes on LP64
 *     };
 * };                                 // 40 bytes on LP64
 * </pre>
 *
 * The kernel copies the whole struct in and, after creating the device, back out with the name it
 * chose, which is how a {@code tun%d} request learns that it got {@code tun0}.
 */
final class IfReq {

    static final int SIZE = 40;
    static final int NAME_OFFSET = 0;
    static final int FLAGS_OFFSET = LinuxConstants.IFNAMSIZ;

    private IfReq() {
    }

    /** The TUNSETIFF flags for a device type: TUN or TAP, always without packet information. */
    static short tunFlags(io.sluice.api.tun.DeviceType type) {
        int kind = type == io.sluice.api.tun.DeviceType.TAP ? LinuxConstants.IFF_TAP : LinuxConstants.IFF_TUN;
        return (short) (kind | LinuxConstants.IFF_NO_PI);
    }

    /** A direct, zeroed ifreq (the kernel reads it through a pointer) with a name and flags. */
    static ByteBuffer forTunSetIff(String name, short flags) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LinuxConstants.IFNAMSIZ - 1) {
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        ByteBuffer ifr = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.nativeOrder());
        ifr.put(NAME_OFFSET, bytes);
        ifr.putShort(FLAGS_OFFSET, flags);
        return ifr;
    }

    /** The NUL-terminated name in {@code ifr_name}. */
    static String name(ByteBuffer ifr) {
        int len = 0;
        while (len < LinuxConstants.IFNAMSIZ && ifr.get(NAME_OFFSET + len) != 0) {
            len++;
        }
        byte[] bytes = new byte[len];
        ifr.get(NAME_OFFSET, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static short flags(ByteBuffer ifr) {
        return ifr.getShort(FLAGS_OFFSET);
    }
}
