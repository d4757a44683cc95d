package io.sluice.api.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something happened to a tunnel.
 *
 * @param type        what happened
 * @param instance    the tunnel instance's name
 * @param arguments   the positional arguments OpenVPN passes the script (for {@code up}:
 *                    device, MTU ...; for {@code learn-address}: operation, address, common name)
 * @param environment the variables OpenVPN sets for the script ({@code common_name},
 *                    {@code trusted_ip}, {@code ifconfig_pool_remote_ip} ...)
 */
public record TunnelEvent(TunnelEventType type, String instance, List<String> arguments,
                          Map<String, String> environment) {

    public TunnelEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instance, "instance");
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }
}
