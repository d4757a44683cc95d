package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinuxAbiTest {

    @Test
    void acceptsSixtyFourBitAsmGenericLinux() {
        assertDoesNotThrow(() -> LinuxAbi.requireSupported("Linux", "amd64"));
        assertDoesNotThrow(() -> LinuxAbi.requireSupported("Linux", "aarch64"));
        assertDoesNotThrow(() -> LinuxAbi.requireSupported("Linux", "riscv64"));
    }

    @Test
    void refusesOtherSystemsAndArchitecturesWithAReason() {
        IllegalStateException mac = assertThrows(IllegalStateException.class,
                () -> LinuxAbi.requireSupported("Mac OS X", "aarch64"));
        assertTrue(mac.getMessage().contains("Mac OS X"), mac.getMessage());
        IllegalStateException ppc = assertThrows(IllegalStateException.class,
                () -> LinuxAbi.requireSupported("Linux", "ppc64le"));
        assertTrue(ppc.getMessage().contains("ppc64le"), ppc.getMessage());
        assertThrows(IllegalStateException.class, () -> LinuxAbi.requireSupported("Linux", "x86"));
        assertThrows(IllegalStateException.class, () -> LinuxAbi.requireSupported(null, null));
    }
}
