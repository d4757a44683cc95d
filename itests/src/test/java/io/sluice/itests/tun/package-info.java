/**
 * Integration tests of the Linux TUN driver (sluice-tun-linux) on the real kernel: a child JVM inside
 * a test namespace opens a device with the driver, configures it as the test tells it and answers
 * pings it reads from the device; the test pings through it and checks what {@code ip} shows.
 */
package io.sluice.itests.tun;
