package io.sluice.core.pool;

/** What {@link IfconfigPool#reserve} did with an address the server assigns itself. */
public enum Reservation {
    /** The address is not in the pool: nothing to do, the pool could never hand it out. */
    OUTSIDE_POOL,
    /** The address's slot will not be handed out until {@link IfconfigPool#unreserve}. */
    RESERVED,
    /**
     * As {@link #RESERVED}, but a client holds the slot right now: two clients would share the
     * address until that client leaves. The server should say so, as it is a configuration mistake
     * ({@code ifconfig-push} of an address inside the pool).
     */
    RESERVED_BUT_LEASED
}
