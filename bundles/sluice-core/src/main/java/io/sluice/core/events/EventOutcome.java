package io.sluice.core.events;

import io.sluice.api.event.TunnelEventType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What delivering one event to the configured script and the listeners came to.
 *
 * <p>What the caller does with it, as OpenVPN does:
 * <ul>
 *   <li>{@code client-connect}: admit the client only if {@link #allowed()}, with
 *       {@link #configLines()} applied as client-config-dir lines;</li>
 *   <li>{@code learn-address} add/update: learn the address only if {@link #allowed()};</li>
 *   <li>{@code up}, {@code down}, {@code route-pre-down}: if {@link #fatal()}, the failure has
 *       been logged ({@code WARNING: Failed running command (--up/--down): ...}); log
 *       {@code Exiting due to fatal error} and end the instance with exit status 1;</li>
 *   <li>everything else: nothing; failures have been logged.</li>
 * </ul>
 *
 * @param type        the event
 * @param allowed     false when the script failed, or a listener refused or failed a vetoable event
 * @param configLines the script's client-connect file lines, then each listener's, in order
 * @param reasons     why it was refused or failed, one entry per script or listener; empty when allowed
 * @param script      how the script ran, when one is configured
 */
public record EventOutcome(TunnelEventType type, boolean allowed, List<String> configLines, List<String> reasons,
                           Optional<ScriptResult> script) {

    public EventOutcome {
        Objects.requireNonNull(type, "type");
        configLines = List.copyOf(configLines);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(script, "script");
    }

    /** Nothing to deliver to: no script and no listener. */
    static EventOutcome nothing(TunnelEventType type) {
        return new EventOutcome(type, true, List.of(), List.of(), Optional.empty());
    }

    /** The event was not delivered; a vetoable one is refused. */
    static EventOutcome undelivered(TunnelEventType type, String why) {
        return new EventOutcome(type, !type.vetoable(), List.of(), List.of(why), Optional.empty());
    }

    /**
     * Whether OpenVPN would exit now: the {@code up}, {@code down} or {@code route-pre-down} script
     * failed, or was refused by {@code script-security} (init.c {@code run_up_down}, {@code S_FATAL}).
     */
    public boolean fatal() {
        return script.isPresent() && !script.get().succeeded() && ScriptRunner.fatal(type);
    }

    /** {@link #reasons()} as one line. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
