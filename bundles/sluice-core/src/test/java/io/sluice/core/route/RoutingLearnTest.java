package io.sluice.core.route;

import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ip;
import static io.sluice.core.route.Packets.ipv4;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.core.route.RouteChange.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Learning and forgetting, and the changes reported for {@code learn-address} (multi.c
 * {@code multi_learn_addr}: "add" for a new route, "update" for one that existed).
 */
class RoutingLearnTest {

    private final RoutingTable<String> table = new RoutingTable<>(Optional.of(ip("10.8.0.1")));

    private static RouteChange<String> add(RouteKey key, String session) {
        return new RouteChange<>(Kind.ADD, key, session, Optional.empty());
    }

    private static RouteChange<String> update(RouteKey key, String session, String previous) {
        return new RouteChange<>(Kind.UPDATE, key, session, Optional.of(previous));
    }

    private static RouteChange<String> delete(RouteKey key, String session) {
        return new RouteChange<>(Kind.DELETE, key, session, Optional.empty());
    }

    @Test
    void learningNewKeysReportsAnAddForEach() {
        LearnResult<String> r = table.learn("alice", List.of(host("10.8.0.6"), host("2001:db8::1000"),
                prefix("192.168.10.0/24")));

        assertEquals(List.of(add(host("10.8.0.6"), "alice"), add(host("2001:db8::1000"), "alice"),
                add(prefix("192.168.10.0/24"), "alice")), r.changes());
        assertEquals(List.of(), r.refused());
        assertEquals(3, table.size());
    }

    @Test
    void learningWhatTheSessionAlreadyOwnsChangesNothing() {
        table.learn("alice", host("10.8.0.6"));

        assertEquals(new LearnResult<>(List.of(), List.of()), table.learn("alice", host("10.8.0.6")));
    }

    @Test
    void takingAnotherSessionsKeyIsAnUpdateNamingThePreviousOwner() {
        table.learn("old-session", List.of(host("10.8.0.6"), prefix("192.168.10.0/24")));

        LearnResult<String> r = table.learn("new-session", host("10.8.0.6"));

        assertEquals(List.of(update(host("10.8.0.6"), "new-session", "old-session")), r.changes());
        assertEquals(Set.of(prefix("192.168.10.0/24")), table.routesOf("old-session"));
        assertEquals("new-session", table.routeDestination(ipv4("10.8.0.9", "10.8.0.6")));
    }

    @Test
    void forgettingASessionDeletesEverythingItOwnsAndNothingElse() {
        table.learn("alice", List.of(host("10.8.0.6"), prefix("192.168.10.0/24")));
        table.learn("bob", host("10.8.0.10"));
        table.learn("bob", prefix("192.168.10.0/24"));

        List<RouteChange<String>> changes = table.forget("alice");

        assertEquals(List.of(delete(host("10.8.0.6"), "alice")), changes);
        assertEquals(Optional.of("bob"), table.owner(prefix("192.168.10.0/24")));
        assertNull(table.routeDestination(ipv4("10.8.0.9", "10.8.0.6")));
        assertEquals(List.of(), table.forget("alice"));
        assertEquals(2, table.size());
    }

    @Test
    void onlyTheOwnerCanUnlearnAKey() {
        table.learn("alice", host("10.8.0.6"));

        assertEquals(List.of(), table.unlearn("bob", host("10.8.0.6")));
        assertEquals(List.of(delete(host("10.8.0.6"), "alice")), table.unlearn("alice", host("10.8.0.6")));
        assertEquals(0, table.size());
    }

    @Test
    void replacingASessionsKeysReportsWhatWentAndWhatCame() {
        table.learn("alice", List.of(host("10.8.0.6"), prefix("192.168.10.0/24")));
        table.learn("bob", host("10.8.0.10"));

        LearnResult<String> r = table.replace("alice", List.of(prefix("192.168.10.0/24"), host("10.8.0.10")));

        assertEquals(List.of(delete(host("10.8.0.6"), "alice"), update(host("10.8.0.10"), "alice", "bob")),
                r.changes());
        assertEquals(Set.of(prefix("192.168.10.0/24"), host("10.8.0.10")), table.routesOf("alice"));
        assertEquals(Set.of(), table.routesOf("bob"));
    }

    @Test
    void keysOpenVpnNeverLearnsAreRefusedAndLeftOut() {
        List<RouteKey> refused = List.of(host("0.0.0.0"), host("255.255.255.255"), prefix("0.0.0.0/8"),
                host("10.8.0.1"), host("::"));

        LearnResult<String> r = table.learn("alice", List.of(host("0.0.0.0"), host("255.255.255.255"),
                prefix("0.0.0.0/8"), host("10.8.0.1"), host("::"), prefix("0.0.0.0/0")));

        assertEquals(refused, r.refused());
        assertEquals(List.of(add(prefix("0.0.0.0/0"), "alice")), r.changes());
        assertEquals(1, table.size());
    }

    @Test
    void theChangeKindsAreTheLearnAddressOperations() {
        assertEquals(List.of("add", "update", "delete"),
                Arrays.stream(Kind.values()).map(Kind::operation).toList());
    }

    @Test
    void aNullKeyChangesNothing() {
        table.learn("alice", host("10.8.0.6"));

        assertThrows(NullPointerException.class,
                () -> table.learn("bob", Arrays.asList(host("10.8.0.10"), null)));
        assertThrows(NullPointerException.class, () -> table.replace("alice", Arrays.asList((RouteKey) null)));
        assertEquals(Set.of(host("10.8.0.6")), table.routesOf("alice"));
        assertEquals(Set.of(), table.routesOf("bob"));
    }
}
