package io.sluice.api.dns;

import io.sluice.api.tun.TunDriver;

import java.io.IOException;

/**
 * Service: the system resolver of one operating system, which a client points at the VPN's DNS
 * servers while its tunnel is up (OpenVPN 2.7's {@code dns-updown}). How depends on the host: on
 * Linux, per-link settings in systemd-resolved when it is the active resolver, otherwise
 * {@code /etc/resolv.conf} itself.
 *
 * <p>Registered with the service property {@value #OS} naming the OS, like {@link TunDriver}. Needs
 * the privileges changing the resolver needs (root on Linux).
 *
 * <p>Use: after the tunnel device is up and configured, {@code change = apply(settings)}; log
 * {@link ResolverChange#describe()}; on disconnect (before or after closing the device)
 * {@link ResolverChange#revert()}. Several changes may be active at once (a reconnect applies the new
 * push before reverting the old one); the one applied last is in effect, and reverting it brings back
 * the one before, or the host's own settings when none is left. An implementation reverts what is
 * still applied when the service goes away.
 */
public interface HostResolver {

    /** Service property: the operating system this service works on (the same as {@link TunDriver#OS}). */
    String OS = TunDriver.OS;

    /**
     * Points the system resolver at {@code settings}' servers, for all names or for its domains only
     * ({@link ResolverSettings#defaultRoute()}), as far as the host's resolver can express it: what
     * could not be applied (a resolver that cannot route by domain, more servers than it holds, a port
     * it cannot name) is said in {@link ResolverChange#describe()}.
     *
     * @return the change, to be reverted on disconnect
     * @throws IOException if nothing was changed (the resolver could not be changed, or none of the
     *         servers can be used with it), with the reason; a partly made change is undone first
     */
    ResolverChange apply(ResolverSettings settings) throws IOException;
}
