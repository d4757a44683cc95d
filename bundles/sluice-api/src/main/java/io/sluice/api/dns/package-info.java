/**
 * The host's name resolution while a tunnel is up: a client applies the DNS servers and domains the
 * VPN server pushed ({@code dhcp-option DNS/DOMAIN/DOMAIN-SEARCH}, or the 2.6 {@code dns} option) to
 * the system resolver with {@link io.sluice.api.dns.HostResolver}, and takes them back when the tunnel
 * goes down ({@link io.sluice.api.dns.ResolverChange#revert()}), as OpenVPN 2.7's {@code dns-updown}
 * command does.
 */
@Export
@Version("1.0.0")
package io.sluice.api.dns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
