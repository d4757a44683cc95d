package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.tun.DeviceType;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeviceNamesTest {

    @Test
    void noNameLetsTheKernelNumberTheDevice() {
        // OpenVPN's "dev tun" / "dev tap": the kernel fills in the first free number.
        assertEquals("tun%d", DeviceNames.forKernel(Optional.empty(), DeviceType.TUN));
        assertEquals("tap%d", DeviceNames.forKernel(Optional.empty(), DeviceType.TAP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tun3", "tap0", "office", "vpn%d", "a", "fifteen-chars-x", "tun.1", "x_y-z"})
    void exactNamesAndOwnTemplatesPassThrough(String name) {
        assertEquals(name, DeviceNames.forKernel(Optional.of(name), DeviceType.TUN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "sixteen-chars-xx", "a/b", "a:b", "a b", "a\tb", "a\0b", "tun%", "tun%s",
            "%d%d", "v%dx%d", "ünïcödé-nämes"})
    void namesLinuxRefusesAreRejectedBeforeAnySystemCall(String name) {
        assertThrows(IllegalArgumentException.class, () -> DeviceNames.validate(name));
    }
}
