package io.sluice.tun.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;

import io.sluice.api.tun.DeviceType;
import io.sluice.api.tun.TunDevice;
import io.sluice.api.tun.TunDriver;
import io.sluice.api.tun.TunRequest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TunDriver} for Linux: creates TUN and TAP interfaces through {@code /dev/net/tun}.
 *
 * <p>The bundle requires {@code osgi.native.osname~=linux}, so on any other OS it does not resolve
 * and this component never exists (a resolver error names the reason, where a component failing to
 * activate would only log). The processor is checked when the component activates (see
 * {@link LinuxAbi}).
 *
 * <p>Opening needs CAP_NET_ADMIN. Devices are not persistent: closing one (or the process ending)
 * deletes the interface. Devices still open when the component deactivates are closed then.
 */
@Component(service = TunDriver.class, property = TunDriver.OS + "=linux")
@Requirement(namespace = "osgi.native", filter = "(osgi.native.osname~=linux)")
public final class LinuxTunDriver implements TunDriver {

    static final String CLONE_DEVICE = "/dev/net/tun";

    private static final Logger LOG = LoggerFactory.getLogger(LinuxTunDriver.class);

    private final LibC libc;
    private final Set<LinuxTunDevice> open = ConcurrentHashMap.newKeySet();

    /** Checks the platform and binds glibc; DS calls this when the component activates. */
    public LinuxTunDriver() {
        LinuxAbi.requireSupported(System.getProperty("os.name"), System.getProperty("os.arch"));
        this.libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    }

    @Override
    public boolean supports(DeviceType type) {
        return type == DeviceType.TUN || type == DeviceType.TAP;
    }

    /**
     * Creates the interface: opens the clone device, TUNSETIFF with IFF_TUN or IFF_TAP and IFF_NO_PI and
     * the requested name or {@code tun%d}/{@code tap%d}, then sets the requested MTU. The link is left
     * down and without addresses; the caller configures it through the returned device.
     */
    @Override
    public TunDevice open(TunRequest request) throws IOException {
        String asked = DeviceNames.forKernel(request.name(), request.type());
        short flags = IfReq.tunFlags(request.type());
        int fd = libc.open(CLONE_DEVICE, LinuxConstants.O_RDWR | LinuxConstants.O_NONBLOCK | LinuxConstants.O_CLOEXEC);
        if (fd < 0) {
            throw Errors.last(libc, "open " + CLONE_DEVICE);
        }
        int wakeFd = -1;
        LinuxTunDevice device = null;
        try {
            ByteBuffer ifr = IfReq.forTunSetIff(asked, flags);
            if (libc.ioctl(fd, LinuxConstants.TUNSETIFF, ifr) < 0) {
                throw Errors.last(libc, "ioctl TUNSETIFF " + asked + " (" + describeFlags(flags) + ")");
            }
            String name = IfReq.name(ifr);
            int ifindex = libc.if_nametoindex(name);
            if (ifindex == 0) {
                throw Errors.last(libc, "if_nametoindex " + name);
            }
            wakeFd = libc.eventfd(0, LinuxConstants.EFD_CLOEXEC | LinuxConstants.EFD_NONBLOCK);
            if (wakeFd < 0) {
                throw Errors.last(libc, "eventfd for " + name);
            }
            // A new TUN/TAP interface starts with the kernel's 1500 (drivers/net/tun.c).
            device = new LinuxTunDevice(libc, name, request.type(), ifindex, fd, wakeFd, 1500, open::remove);
            open.add(device);
            device.setMtu(request.mtu());
            LOG.info("Opened {} device {} (index {}, mtu {})", request.type(), name, ifindex, request.mtu());
            return device;
        } catch (IOException | RuntimeException e) {
            if (device != null) {
                device.close();
            } else {
                libc.close(fd);
                if (wakeFd >= 0) {
                    libc.close(wakeFd);
                }
            }
            throw e;
        }
    }

    static String describeFlags(short flags) {
        StringBuilder sb = new StringBuilder();
        sb.append((flags & LinuxConstants.IFF_TAP) != 0 ? "IFF_TAP" : "IFF_TUN");
        if ((flags & LinuxConstants.IFF_NO_PI) != 0) {
            sb.append("|IFF_NO_PI");
        }
        return sb.toString();
    }

    /** Closes devices their users forgot, so that stopping the bundle leaves no interfaces behind. */
    @Deactivate
    void deactivate() {
        List<LinuxTunDevice> left = List.copyOf(open);
        for (LinuxTunDevice d : left) {
            LOG.warn("Closing {} which was still open when the Linux TUN driver stopped", d.name());
            d.close();
        }
    }

    /** The devices opened through this driver and not yet closed. */
    int openDevices() {
        return open.size();
    }
}
