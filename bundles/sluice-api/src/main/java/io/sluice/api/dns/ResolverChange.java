package io.sluice.api.dns;

import java.io.IOException;

/** A change {@link HostResolver#apply} made to the system resolver; {@link #revert()} takes it back. */
public interface ResolverChange {

    /**
     * Takes the change back: the resolver uses what it used before (or the change applied before this
     * one, if that is still active). Idempotent: after it returned normally, further calls do nothing.
     *
     * @throws IOException if the resolver could not be restored; the change then stays active and
     *         {@code revert} may be called again
     */
    void revert() throws IOException;

    /**
     * One line for the log saying what was applied, how, and what could not be, e.g.
     * {@code resolv.conf /etc/resolv.conf: 2 servers 10.8.0.1 fd00::1, search corp.example lan; previous
     * file kept in /etc/resolv.conf.sluice-1234} or
     * {@code systemd-resolved on tun0: 2 servers 10.8.0.1 fd00::1, domains corp.example ~., default route}.
     */
    String describe();
}
