/**
 * Address pools: the tunnel addresses a server leases to its clients, sticky per client.
 */
@Export
@Version("1.0.0")
package io.sluice.api.pool;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
