package io.sluice.tun.linux;

import io.sluice.api.tun.DeviceType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns OpenVPN's {@code dev} into the name passed to TUNSETIFF.
 *
 * <p>No name ({@code dev tun}, {@code dev tap}) becomes the kernel template {@code tun%d} or
 * {@code tap%d}, and the kernel picks the first free number. An exact name ({@code dev tun3},
 * {@code dev office}) is passed through, as is a template of one's own ({@code vpn%d}). Names are
 * checked against the kernel's own rules (dev_valid_name and dev_alloc_name in net/core/dev.c) so a
 * bad one fails with a message naming the rule rather than with a bare EINVAL from the ioctl.
 */
final class DeviceNames {

    private DeviceNames() {
    }

    /** The name or template to ask the kernel for. */
    static String forKernel(Optional<String> requested, DeviceType type) {
        if (requested.isEmpty()) {
            return (type == DeviceType.TAP ? "tap" : "tun") + "%d";
        }
        String name = requested.get();
        validate(name);
        return name;
    }

    /** Throws {@link IllegalArgumentException} unless Linux accepts {@code name} for a new interface. */
    static void validate(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an interface name must not be empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > LinuxConstants.IFNAMSIZ - 1) {
            throw new IllegalArgumentException("interface name longer than " + (LinuxConstants.IFNAMSIZ - 1)
                    + " bytes: '" + name + "'");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid interface name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("interface name contains '" + printable(c) + "': '" + name + "'");
            }
        }
        int percent = name.indexOf('%');
        if (percent >= 0 && (!name.startsWith("%d", percent) || name.indexOf('%', percent + 1) >= 0)) {
            throw new IllegalArgumentException("an interface name may contain '%' only as one '%d' for the kernel"
                    + " to fill in: '" + name + "'");
        }
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
