package io.sluice.core.route;

import java.util.List;

/**
 * What learning did.
 *
 * @param changes what changed, in order; empty if the session owned everything already
 * @param refused keys OpenVPN never learns (all-ones addresses, all-zeros ones unless a prefix
 *                shorter than 8 bits, the server's own address), left out of the table
 * @param <S> the server's session handle
 */
public record LearnResult<S>(List<RouteChange<S>> changes, List<RouteKey> refused) {

    public LearnResult {
        changes = List.copyOf(changes);
        refused = List.copyOf(refused);
    }
}
