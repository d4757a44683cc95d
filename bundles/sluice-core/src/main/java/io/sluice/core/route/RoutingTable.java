package io.sluice.core.route;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's routing table for a routed (TUN) tunnel: which session owns which virtual address
 * and {@code iroute} subnet, as OpenVPN's multi.c keeps it in its {@code vhash}.
 *
 * <p><b>Reading</b> ({@link #routeDestination}, {@link #checkSource}, {@link #routeIpv4},
 * {@link #routeIpv6}) runs for every tunnel packet on any number of threads. It takes no lock and
 * allocates nothing: it reads the current {@link RouteSnapshot} through one volatile reference
 * and probes its per-length hash tables with the address read straight from the packet. A reader
 * sees either the table before a change or after it, never a mix.
 *
 * <p><b>Writing</b> ({@link #learn}, {@link #replace}, {@link #unlearn}, {@link #forget}) happens
 * when sessions come, go, or change address. Writers are serialised; each derives a new snapshot
 * from the current one and publishes it whole. The snapshot's tables are persistent, so a change
 * shares all it does not touch and costs O(√n) per key in a table of n, not a rebuild: a server
 * with 10,000 clients does not slow down as each new one connects.
 *
 * <p>A key has one owner. Learning a key another session owns moves it (OpenVPN's "update"), as
 * happens when a client reconnects before its old session timed out. OpenVPN deletes routes of a
 * closed session lazily and may run the "delete" script long after; here {@link #forget} removes
 * them at once and reports them. OpenVPN runs the {@code learn-address} script before it installs
 * a route and skips the route if the script fails; the server gets the same effect by running the
 * script on each reported change and {@linkplain #unlearn unlearning} the keys whose script
 * failed. OpenVPN's per-client route quota ({@code max-routes-per-client}) applies to routes
 * learned from traffic, which a TUN server does not learn; it is not enforced here.
 *
 * @param <S> the server's session handle, compared with {@link Object#equals}
 */
public final class RoutingTable<S> {

    private final Object writeLock = new Object();
    /** Every key and its owner. Guarded by {@link #writeLock}. */
    private final Map<RouteKey, S> owners = new LinkedHashMap<>();
    /** Every session's keys, in the order learned. Guarded by {@link #writeLock}. */
    private final Map<S, Set<RouteKey>> keysBySession = new HashMap<>();
    private final RouteKey local;
    private volatile RouteSnapshot snapshot;

    private final LongAdder badSource = new LongAdder();
    private final LongAdder linkLocalSource = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    /** A table for a server without its own IPv4 tunnel address (say, IPv6 only). */
    public RoutingTable() {
        this(Optional.empty());
    }

    /**
     * @param serverAddress the server's own IPv4 tunnel address ({@code ifconfig}'s local address).
     *                      OpenVPN never routes it to a client and never learns it (multi.c
     *                      {@code m->local}); an IPv6 address is not treated so, as in OpenVPN
     */
    public RoutingTable(Optional<InetAddress> serverAddress) {
        Objects.requireNonNull(serverAddress, "serverAddress");
        this.local = serverAddress.filter(a -> a.getAddress().length == 4).map(RouteKey::host).orElse(null);
        this.snapshot = RouteSnapshot.empty(local);
    }

    // ---------------------------------------------------------------- reading, per packet

    /**
     * The session that should receive a packet, by the longest prefix matching its destination
     * address; null if none does, if the destination is the server's own address, or if the
     * buffer does not hold a whole IPv4 or IPv6 header. The packet lies between the buffer's
     * position and limit; nothing about the buffer is changed. Multicast destinations are not
     * special here: check {@link IpPacket#isMulticastDestination} first, as OpenVPN sends those to
     * every client.
     */
    public S routeDestination(ByteBuffer packet) {
        int version = IpPacket.version(packet);
        if (version == 4) {
            return routeIpv4(IpPacket.ipv4(packet, IpPacket.IPV4_DESTINATION));
        }
        if (version == 6) {
            return routeIpv6(IpPacket.ipv6Word(packet, IpPacket.IPV6_DESTINATION),
                    IpPacket.ipv6Word(packet, IpPacket.IPV6_DESTINATION + 8));
        }
        return null;
    }

    /** The session owning the longest match for an IPv4 address (as a 32-bit value), or null. */
    @SuppressWarnings("unchecked")
    public S routeIpv4(int address) {
        return (S) snapshot.routeIpv4(address);
    }

    /** The session owning the longest match for an IPv6 address given as two 64-bit halves, or null. */
    @SuppressWarnings("unchecked")
    public S routeIpv6(long high, long low) {
        return (S) snapshot.routeIpv6(high, low);
    }

    /**
     * Whether a packet that {@code session} sent into the tunnel may go on: its source address
     * must route back to {@code session} (multi.c {@code multi_process_incoming_link}), so a
     * client can send from its own addresses and from its iroutes, and from no one else's. Each
     * verdict but {@link SourceCheck#ACCEPTED} is counted.
     */
    public SourceCheck checkSource(ByteBuffer packet, S session) {
        // Without an owner to compare with, an unrouted source would look like a match.
        Objects.requireNonNull(session, "session");
        int version = IpPacket.version(packet);
        if (version == 4) {
            int source = IpPacket.ipv4(packet, IpPacket.IPV4_SOURCE);
            if (same(routeIpv4(source), session)) {
                return SourceCheck.ACCEPTED;
            }
            badSource.increment();
            return SourceCheck.BAD_SOURCE;
        }
        if (version == 6) {
            long high = IpPacket.ipv6Word(packet, IpPacket.IPV6_SOURCE);
            long low = IpPacket.ipv6Word(packet, IpPacket.IPV6_SOURCE + 8);
            if (same(routeIpv6(high, low), session)) {
                return SourceCheck.ACCEPTED;
            }
            // fe80::/10 (RFC 4291 2.5.6; OpenVPN's IN6_IS_ADDR_LINKLOCAL test).
            if (high >>> 54 == 0x3fa) {
                linkLocalSource.increment();
                return SourceCheck.IPV6_LINK_LOCAL_SOURCE;
            }
            badSource.increment();
            return SourceCheck.BAD_SOURCE;
        }
        malformed.increment();
        return SourceCheck.MALFORMED;
    }

    private static boolean same(Object owner, Object session) {
        return owner == session || (owner != null && owner.equals(session));
    }

    /** Packets dropped by {@link #checkSource} as {@link SourceCheck#BAD_SOURCE}. */
    public long badSourceCount() {
        return badSource.sum();
    }

    /** Packets dropped by {@link #checkSource} as {@link SourceCheck#IPV6_LINK_LOCAL_SOURCE}. */
    public long linkLocalSourceCount() {
        return linkLocalSource.sum();
    }

    /** Packets dropped by {@link #checkSource} as {@link SourceCheck#MALFORMED}. */
    public long malformedCount() {
        return malformed.sum();
    }

    // ---------------------------------------------------------------- writing, per session change

    /** {@link #learn(Object, Collection)} for one key. */
    public LearnResult<S> learn(S session, RouteKey key) {
        return learn(session, List.of(key));
    }

    /**
     * Makes {@code keys} route to {@code session}, keeping whatever else it has: at connect, its
     * virtual addresses and iroutes (multi.c {@code multi_client_connect_late_setup}). Keys it
     * already owns change nothing; keys another session owns move to it.
     */
    public LearnResult<S> learn(S session, Collection<RouteKey> keys) {
        Objects.requireNonNull(session, "session");
        List<RouteKey> all = List.copyOf(keys);
        synchronized (writeLock) {
            List<RouteChange<S>> changes = new ArrayList<>();
            List<RouteKey> refused = new ArrayList<>();
            for (RouteKey key : all) {
                take(session, key, changes, refused);
            }
            publish(changes);
            return new LearnResult<>(changes, refused);
        }
    }

    /**
     * Makes {@code keys} exactly what routes to {@code session}: keys it had and is not given are
     * deleted, new ones learned. For a session whose addresses changed, reported as one atomic
     * change of the table.
     */
    public LearnResult<S> replace(S session, Collection<RouteKey> keys) {
        Objects.requireNonNull(session, "session");
        Set<RouteKey> wanted = new LinkedHashSet<>(List.copyOf(keys));
        synchronized (writeLock) {
            List<RouteChange<S>> changes = new ArrayList<>();
            List<RouteKey> refused = new ArrayList<>();
            for (RouteKey old : List.copyOf(keysOf(session))) {
                if (!wanted.contains(old)) {
                    drop(session, old, changes);
                }
            }
            for (RouteKey key : wanted) {
                take(session, key, changes, refused);
            }
            publish(changes);
            return new LearnResult<>(changes, refused);
        }
    }

    /**
     * Removes one key if {@code session} owns it.
     *
     * @return the {@link RouteChange.Kind#DELETE}, or nothing if the session did not own it
     */
    public List<RouteChange<S>> unlearn(S session, RouteKey key) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(key, "key");
        synchronized (writeLock) {
            List<RouteChange<S>> changes = new ArrayList<>(1);
            if (session.equals(owners.get(key))) {
                drop(session, key, changes);
            }
            publish(changes);
            return changes;
        }
    }

    /** Removes everything routing to {@code session}, when it closes. */
    public List<RouteChange<S>> forget(S session) {
        Objects.requireNonNull(session, "session");
        synchronized (writeLock) {
            List<RouteChange<S>> changes = new ArrayList<>();
            for (RouteKey key : List.copyOf(keysOf(session))) {
                drop(session, key, changes);
            }
            publish(changes);
            return changes;
        }
    }

    /** Who owns a key, if anyone. */
    public Optional<S> owner(RouteKey key) {
        synchronized (writeLock) {
            return Optional.ofNullable(owners.get(key));
        }
    }

    /** The keys routing to a session, in the order learned. */
    public Set<RouteKey> routesOf(S session) {
        synchronized (writeLock) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(keysOf(session)));
        }
    }

    /** How many keys the table holds. */
    public int size() {
        synchronized (writeLock) {
            return owners.size();
        }
    }

    private Set<RouteKey> keysOf(S session) {
        return keysBySession.getOrDefault(session, Set.of());
    }

    private void take(S session, RouteKey key, List<RouteChange<S>> changes, List<RouteKey> refused) {
        if (!key.learnable() || key.equals(local)) {
            refused.add(key);
            return;
        }
        S previous = owners.get(key);
        if (session.equals(previous)) {
            return;
        }
        if (previous != null) {
            removeKey(previous, key);
        }
        owners.put(key, session);
        keysBySession.computeIfAbsent(session, s -> new LinkedHashSet<>()).add(key);
        changes.add(previous == null
                ? new RouteChange<>(RouteChange.Kind.ADD, key, session, Optional.empty())
                : new RouteChange<>(RouteChange.Kind.UPDATE, key, session, Optional.of(previous)));
    }

    private void drop(S session, RouteKey key, List<RouteChange<S>> changes) {
        owners.remove(key);
        removeKey(session, key);
        changes.add(new RouteChange<>(RouteChange.Kind.DELETE, key, session, Optional.empty()));
    }

    private void removeKey(S session, RouteKey key) {
        Set<RouteKey> keys = keysBySession.get(session);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                keysBySession.remove(session);
            }
        }
    }

    private void publish(List<RouteChange<S>> changes) {
        if (!changes.isEmpty()) {
            snapshot = snapshot.apply(changes);
        }
    }
}
