/**
 * TUN/TAP devices: the virtual interfaces a tunnel reads and writes, one driver per OS.
 */
@Export
@Version("1.0.0")
package io.sluice.api.tun;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
