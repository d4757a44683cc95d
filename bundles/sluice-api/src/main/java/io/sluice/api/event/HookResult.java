package io.sluice.api.event;

import java.util.List;
import java.util.Objects;

/**
 * A listener's answer to a {@link TunnelEvent}.
 *
 * @param allow       false refuses the client; honoured for {@link TunnelEventType#vetoable()} events
 * @param configLines for {@code client-connect}: per-client configuration lines, as a
 *                    client-connect script writes them to its output file ({@code push ...},
 *                    {@code ifconfig-push ...}, {@code iroute ...})
 * @param reason      why the client was refused (logged), empty when allowed
 */
public record HookResult(boolean allow, List<String> configLines, String reason) {

    /** Go on, nothing to add. */
    public static final HookResult PROCEED = new HookResult(true, List.of(), "");

    public HookResult {
        configLines = List.copyOf(configLines);
        Objects.requireNonNull(reason, "reason");
    }

    public static HookResult deny(String reason) {
        return new HookResult(false, List.of(), reason);
    }
}
