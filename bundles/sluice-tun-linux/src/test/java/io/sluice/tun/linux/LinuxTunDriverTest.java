package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.tun.DeviceType;

import org.junit.jupiter.api.Test;

/** What can be checked without creating an interface (unit tests never touch the host's network). */
class LinuxTunDriverTest {

    @Test
    void supportsTunAndTap() {
        LinuxTunDriver driver = new LinuxTunDriver();
        assertTrue(driver.supports(DeviceType.TUN));
        assertTrue(driver.supports(DeviceType.TAP));
        assertEquals(0, driver.openDevices());
        driver.deactivate();
    }

    @Test
    void theCloneDeviceIsDevNetTun() {
        assertEquals("/dev/net/tun", LinuxTunDriver.CLONE_DEVICE);
    }
}
