package io.sluice.core.pushed;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** redirect-gateway and redirect-private lines add up as options.c folds them into route flags. */
class RedirectStateTest {

    private static RedirectGateway gw(RedirectFlag... flags) {
        return new RedirectGateway(false, Set.of(flags));
    }

    @Test
    void redirectGatewayEnablesTheDefaultRouteAndRedirectPrivateDoesNot() {
        assertEquals(new RedirectState(true, true, false, false, true, false, false, false, false, List.of()),
                RedirectState.fold(List.of(gw(RedirectFlag.DEF1))));
        assertEquals(new RedirectState(true, false, true, false, false, false, false, false, false, List.of()),
                RedirectState.fold(List.of(new RedirectGateway(true, Set.of(RedirectFlag.LOCAL)))));
        assertEquals(RedirectState.NONE, RedirectState.fold(List.of()));
    }

    @Test
    void notIpv4ClearsWhatCameBeforeAndALaterLineEnablesItAgain() {
        RedirectState cleared = RedirectState.fold(List.of(gw(RedirectFlag.DEF1), gw(RedirectFlag.IPV6, RedirectFlag.NOT_IPV4)));
        assertEquals(new RedirectState(false, false, false, false, true, false, false, false, true,
                List.of(RedirectState.COMBINED_WARNING)), cleared);
        RedirectState again = RedirectState.fold(List.of(gw(RedirectFlag.NOT_IPV4), gw(RedirectFlag.BLOCK_LOCAL)));
        // The first line left IPv4 disabled, so the second one does not warn.
        assertEquals(new RedirectState(true, true, false, false, false, false, false, true, false, List.of()), again);
    }
}
