/**
 * TUN/TAP devices: the virtual interfaces a tunnel reads and writes, one driver per OS; and the
 * host's routes outside the tunnel ({@link io.sluice.api.tun.HostRoutes}) that a client changes for
 * {@code redirect-gateway}.
 */
@Export
@Version("1.1.0")
package io.sluice.api.tun;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
