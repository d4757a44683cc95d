package io.sluice.api.tun;

import java.io.IOException;

/**
 * Service: opens TUN/TAP devices on one operating system.
 *
 * <p>Registered with the service property {@value #OS} naming the OS it drives
 * ({@code linux}, {@code freebsd}, {@code windows} ...), as {@code os.name} reads in lower case
 * up to the first space.
 */
public interface TunDriver {

    /** Service property: the operating system this driver works on. */
    String OS = "sluice.tun.os";

    /** Whether this driver can open devices of the given type here. */
    boolean supports(DeviceType type);

    /** Creates or attaches to a device. Requires the privileges the OS asks for (CAP_NET_ADMIN). */
    TunDevice open(TunRequest request) throws IOException;
}
