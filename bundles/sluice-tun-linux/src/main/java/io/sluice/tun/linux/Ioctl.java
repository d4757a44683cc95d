package io.sluice.tun.linux;

/**
 * The ioctl request encoding of asm-generic/ioctl.h: {@code dir << 30 | size << 16 | type << 8 | nr}
 * with 8 bits of nr, 8 of type, 14 of size and 2 of direction ({@code _IOC_WRITE} = 1).
 */
final class Ioctl {

    private static final int NRSHIFT = 0;
    private static final int TYPESHIFT = 8;
    private static final int SIZESHIFT = 16;
    private static final int DIRSHIFT = 30;
    private static final int IOC_WRITE = 1;

    private Ioctl() {
    }

    /** {@code _IOW(type, nr, size)}: userland writes an argument of {@code size} bytes to the kernel. */
    static long iow(char type, int nr, int size) {
        if (nr < 0 || nr > 0xff || type > 0xff || size < 0 || size >= 1 << 14) {
            throw new IllegalArgumentException("ioctl fields out of range");
        }
        return ((long) IOC_WRITE << DIRSHIFT) | ((long) size << SIZESHIFT) | ((long) type << TYPESHIFT)
                | ((long) nr << NRSHIFT);
    }
}
