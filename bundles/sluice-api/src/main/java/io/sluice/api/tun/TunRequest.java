package io.sluice.api.tun;

import java.util.Objects;
import java.util.Optional;

/**
 * What device to open, as {@code dev}, {@code dev-type} and {@code tun-mtu} say.
 *
 * @param name  an exact name ({@code tun3}), or empty to let the OS pick the next free one
 *              (OpenVPN's {@code dev tun})
 * @param type  TUN or TAP
 * @param mtu   the device MTU ({@code tun-mtu}, 1500 by default)
 */
public record TunRequest(Optional<String> name, DeviceType type, int mtu) {

    public TunRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("mtu out of range 68..65535: " + mtu);
        }
        name.ifPresent(n -> {
            if (n.isEmpty() || n.length() > 15 || n.contains("/") || n.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a device name: '" + n + "'");
            }
        });
    }
}
