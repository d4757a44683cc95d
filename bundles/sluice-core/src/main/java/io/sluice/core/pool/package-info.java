/**
 * The server's tunnel address pool, handing out addresses the way OpenVPN 2.6's pool.c does so
 * that clients moving from an OpenVPN server to Sluice keep their addresses.
 *
 * <p>{@link io.sluice.core.pool.IfconfigPool} implements {@link io.sluice.api.pool.AddressPool}
 * ({@link io.sluice.core.pool.IfconfigPoolFactory} builds it from a
 * {@link io.sluice.api.pool.PoolSpec}): one slot per client, a slot being one IPv4 address
 * ({@code topology subnet} and {@code p2p}), one /30 ({@code topology net30}), and/or one IPv6
 * address paired with the IPv4 slot of the same index. Leases are sticky per common name, else
 * the least recently released free slot is taken; with {@code duplicate-cn} the first free slot.
 * The {@code ifconfig-pool-persist} file is read at start (bad lines are counted, never fatal)
 * and replaced atomically when written. The server can block addresses it assigns itself
 * ({@code ifconfig-push} in a client-config-dir file) so the pool never hands them out.
 *
 * <p>Private implementation package of sluice-core: not exported.
 */
package io.sluice.core.pool;
