package io.sluice.core.route;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to the routing table, which the server reports to the {@code learn-address} script
 * or plugin as {@code <operation> <key> [common name]} (multi.c {@code learn_address_script}).
 *
 * @param kind     what happened
 * @param key      the address or subnet
 * @param session  who owns the key now ({@link Kind#ADD}, {@link Kind#UPDATE}) or owned it until
 *                 now ({@link Kind#DELETE})
 * @param previous for {@link Kind#UPDATE}, the session the key was taken from
 * @param <S> the server's session handle
 */
public record RouteChange<S>(Kind kind, RouteKey key, S session, Optional<S> previous) {

    /** The three {@code learn-address} operations. */
    public enum Kind {
        /** A key nobody owned now routes to a session. */
        ADD("add"),
        /**
         * A key moved from one session to another (multi.c: the route existed, so the script hears
         * "update"), e.g. a reconnecting client given an address its old session still held.
         */
        UPDATE("update"),
        /** A key no longer routes anywhere. */
        DELETE("delete");

        private final String operation;

        Kind(String operation) {
            this.operation = operation;
        }

        /** The script's first argument. */
        public String operation() {
            return operation;
        }
    }

    public RouteChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(previous, "previous");
    }
}
