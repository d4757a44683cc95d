package io.sluice.core.pool;

import io.sluice.api.pool.AddressPool;
import io.sluice.api.pool.Lease;
import io.sluice.api.pool.PoolSpec;
import io.sluice.core.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's address pool, leasing as OpenVPN 2.6's {@code ifconfig-pool} and
 * {@code ifconfig-ipv6-pool} do (see {@link SlotTable} for the choice of slot,
 * {@link PoolLayout} for a slot's addresses) and keeping OpenVPN's
 * {@code ifconfig-pool-persist} file.
 *
 * <p>Persistence: the file is read when the pool is built. With a positive interval it is written
 * by {@link #persistIfDue()} (the server calls it from its once-a-second housekeeping; the first
 * call writes, then one per interval, as OpenVPN's status timer does) and by {@link #close()}.
 * With an interval of zero the file is read-only, as {@code ifconfig-pool-persist file 0} is:
 * never written, and the slots it names are kept for their names only. Each write replaces the
 * file atomically ({@link AtomicFileWriter}).
 *
 * <p>Thread-safe: leases are taken and given back on handshake threads. Choosing a slot scans
 * the pool under a lock, as OpenVPN does, which at the largest pool (65536 slots) takes well under
 * a millisecond per handshake; the file is written outside that lock.
 */
public final class IfconfigPool implements AddressPool {

    private final String name;
    private final PoolLayout layout;
    private final boolean duplicateCn;
    private final Optional<Path> persistFile;
    private final boolean readOnly;
    private final long persistIntervalNanos;
    private final Clock clock;
    private final AtomicFileWriter writer;
    private final PersistLoadReport loadReport;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final SlotTable slots;
    /** The lease holding each slot, for releasing by identity. Guarded by {@link #lock}. */
    private final PoolLease[] holders;
    private volatile boolean closed;

    /** Serialises writes, so an older snapshot never overwrites a newer one. */
    private final Object writeLock = new Object();
    /** Guarded by {@link #writeLock}. */
    private boolean written;
    /** Guarded by {@link #writeLock}. */
    private long lastWrite;

    IfconfigPool(PoolSpec spec, boolean duplicateCn, Clock clock, AtomicFileWriter writer) throws IOException {
        Objects.requireNonNull(spec, "spec");
        this.name = spec.name();
        this.layout = PoolLayout.of(spec);
        this.duplicateCn = duplicateCn;
        this.persistFile = spec.persistFile();
        // options.c reads the seconds with positive_atoi: anything below 1 means "read only".
        this.persistIntervalNanos = Math.max(0, spec.persistInterval().toNanos());
        this.readOnly = persistIntervalNanos == 0;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.slots = new SlotTable(layout.size());
        this.holders = new PoolLease[layout.size()];
        this.loadReport = persistFile.isPresent()
                ? PersistLoader.load(persistFile.get(), layout, slots, readOnly)
                : PersistLoadReport.none();
    }

    @Override
    public String name() {
        return name;
    }

    /** How many clients the pool can serve at once: its number of slots. */
    public int size() {
        return layout.size();
    }

    /** Slots free to hand out now (neither leased nor reserved). */
    public int available() {
        synchronized (lock) {
            return slots.available();
        }
    }

    /** Whether leases ignore the owner's name ({@code duplicate-cn}). */
    public boolean duplicateCn() {
        return duplicateCn;
    }

    /** What reading the persist file found; the server logs its problems. */
    public PersistLoadReport loadReport() {
        return loadReport;
    }

    @Override
    public Optional<Lease> acquire(String owner) {
        return lease(owner).map(PoolLease::lease);
    }

    /**
     * A lease for {@code owner} with all its addresses, or empty when the pool is full.
     *
     * <p>Without {@code duplicate-cn}, {@code owner} gets back the slot it held last if that is free.
     * A slot still held by an earlier session of the same owner is not free: OpenVPN first closes
     * that session ({@code multi_delete_dup}), and the server should likewise release its lease
     * before asking for the new one, so the client keeps its address.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Optional<PoolLease> lease(String owner) {
        Objects.requireNonNull(owner, "owner");
        String key = duplicateCn ? null : owner;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("pool " + name + " is closed");
            }
            int slot = slots.choose(key);
            if (slot < 0) {
                return Optional.empty();
            }
            slots.take(slot, key);
            PoolLease lease = new PoolLease(slot, owner, layout.ipv4Client(slot), layout.ipv4Peer(slot),
                    layout.ipv6(slot));
            holders[slot] = lease;
            return Optional.of(lease);
        }
    }

    /** Gives back a lease this pool handed out; anything else is ignored. */
    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        int slot = layout.slotOf(lease.address());
        if (slot < 0) {
            return;
        }
        synchronized (lock) {
            PoolLease holder = holders[slot];
            if (holder != null && holder.lease() == lease) {
                free(slot);
            }
        }
    }

    /**
     * Gives back a lease. Its slot remembers the owner, so the owner gets it back next time unless
     * other clients have used up every slot released before it.
     *
     * @return false if the lease was already given back (or is not from this pool)
     */
    public boolean release(PoolLease lease) {
        Objects.requireNonNull(lease, "lease");
        synchronized (lock) {
            if (lease.slot() >= holders.length || holders[lease.slot()] != lease) {
                return false;
            }
            free(lease.slot());
            return true;
        }
    }

    private void free(int slot) {
        holders[slot] = null;
        slots.release(slot);
    }

    /**
     * Keeps the pool from ever handing out {@code address}: for an address the server assigns
     * itself, with {@code ifconfig-push} or {@code ifconfig-ipv6-push} in a client-config-dir file.
     * In {@code topology net30} the whole /30 around it is kept, and with both families the slot's
     * other address too, since a slot's addresses go together.
     *
     * <p>OpenVPN does not do this (its manual asks for fixed addresses outside the pool); the
     * server calls it at start-up for every fixed address it knows, before any client connects.
     */
    public Reservation reserve(InetAddress address) {
        int slot = layout.slotOf(Objects.requireNonNull(address, "address"));
        if (slot < 0) {
            return Reservation.OUTSIDE_POOL;
        }
        synchronized (lock) {
            slots.block(slot);
            return slots.inUse(slot) ? Reservation.RESERVED_BUT_LEASED : Reservation.RESERVED;
        }
    }

    /**
     * Lets the pool hand out a {@linkplain #reserve reserved} address again.
     *
     * @return whether it was reserved
     */
    public boolean unreserve(InetAddress address) {
        int slot = layout.slotOf(Objects.requireNonNull(address, "address"));
        if (slot < 0) {
            return false;
        }
        synchronized (lock) {
            boolean was = slots.blocked(slot);
            slots.unblock(slot);
            return was;
        }
    }

    @Override
    public List<Lease> leases() {
        List<Lease> out = new ArrayList<>();
        for (PoolLease l : poolLeases()) {
            out.add(l.lease());
        }
        return out;
    }

    /** The leases held now, with all their addresses, in slot order. */
    public List<PoolLease> poolLeases() {
        synchronized (lock) {
            List<PoolLease> out = new ArrayList<>();
            for (PoolLease l : holders) {
                if (l != null) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    /**
     * Writes the persist file if it is writable and an interval has passed since the last write
     * (or nothing was written yet). The server calls this from its periodic housekeeping.
     *
     * @return whether it wrote
     * @throws IOException if writing failed; the old file is then untouched, and the next try
     *                     comes an interval later
     */
    public boolean persistIfDue() throws IOException {
        if (!writable() || closed) {
            return false;
        }
        synchronized (writeLock) {
            long now = clock.nanos();
            if (written && now - lastWrite < persistIntervalNanos) {
                return false;
            }
            writeNow(now);
            return true;
        }
    }

    /**
     * Writes the persist file now, if it is writable; the next periodic write is an interval
     * later.
     *
     * @return whether it wrote (false without a file, or with a read-only one)
     */
    public boolean persist() throws IOException {
        if (!writable()) {
            return false;
        }
        synchronized (writeLock) {
            writeNow(clock.nanos());
            return true;
        }
    }

    private boolean writable() {
        return persistFile.isPresent() && !readOnly;
    }

    private void writeNow(long now) throws IOException {
        written = true;
        lastWrite = now;
        writer.write(persistFile.orElseThrow(), content());
    }

    /** The file's content: every slot remembering a name, in slot order (pool.c {@code ifconfig_pool_list}). */
    private byte[] content() {
        StringBuilder out = new StringBuilder();
        synchronized (lock) {
            for (int slot = 0; slot < slots.size(); slot++) {
                String owner = slots.owner(slot);
                // A reserved slot belongs to a fixed address, so the file promises it to nobody.
                if (owner == null || slots.blocked(slot) || !PersistFormat.canStore(owner)) {
                    continue;
                }
                String ipv4 = layout.hasIpv4() ? AddressText.formatIpv4(layout.ipv4Base(slot)) : "";
                String ipv6 = layout.hasIpv6() ? AddressText.formatIpv6(layout.ipv6Address(slot)) : "";
                out.append(PersistFormat.format(new PersistRecord(owner, ipv4, ipv6))).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Stops leasing and writes the persist file a last time, as OpenVPN does at shutdown. Leases
     * may still be given back afterwards.
     *
     * @throws UncheckedIOException if that last write failed; the previous file is then intact
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            persist();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + persistFile.orElseThrow(), e);
        }
    }

    @Override
    public String toString() {
        return "IfconfigPool[" + name + ", " + layout.size() + " slots]";
    }
}
