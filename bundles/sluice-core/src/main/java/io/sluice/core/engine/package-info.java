/**
 * What the engine needs from the platform, as narrow seams the OSGi layer fills from services
 * (and tests fill by hand): crypto providers by OpenVPN name, TUN drivers, transports, the
 * host routing table, and a prompt for what a configuration leaves to the terminal.
 */
@Export
@Version("2.2.0")
package io.sluice.core.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
