package io.sluice.api.event;

import java.util.concurrent.CompletionStage;

/**
 * Service: is told of tunnel events; script hooks ({@code up}, {@code client-connect} ...) are
 * one implementation, integrators' Java listeners another.
 *
 * <p>Called off the network threads. The engine waits for the stage only where OpenVPN waits
 * for the script ({@code client-connect} before admitting the client, {@code up} before
 * reporting the tunnel ready), up to a time limit; a stage that fails, or does not complete
 * in time, refuses a vetoable event and is logged otherwise.
 */
@FunctionalInterface
public interface TunnelEventListener {

    CompletionStage<HookResult> onEvent(TunnelEvent event);
}
