package io.sluice.tun.linux;

import java.util.Locale;
import java.util.Set;

/**
 * Which platforms this driver's constants are right for. The bundle's manifest already requires
 * {@code osgi.native.osname~=linux}, so it does not even resolve elsewhere; the processor is checked
 * here instead, because frameworks disagree on the aliases they publish for it (Felix, Equinox) and a
 * wrong manifest filter would silently hide the driver on a platform that works.
 */
final class LinuxAbi {

    /**
     * {@code os.arch} values of 64-bit Linux platforms that use the asm-generic ioctl encoding and
     * open flags ({@link LinuxConstants}) and an LP64 {@code struct ifreq} of 40 bytes ({@link IfReq}).
     */
    static final Set<String> SUPPORTED_ARCHES = Set.of("amd64", "x86_64", "aarch64", "riscv64");

    private LinuxAbi() {
    }

    /** Throws unless the JVM runs on Linux on one of {@link #SUPPORTED_ARCHES}. */
    static void requireSupported(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            throw new IllegalStateException("the Linux TUN driver cannot run on " + osName);
        }
        if (!SUPPORTED_ARCHES.contains(arch)) {
            throw new IllegalStateException("the Linux TUN driver has not been ported to " + osArch
                    + " (its ioctl numbers and open flags are those of " + SUPPORTED_ARCHES + ")");
        }
    }
}
