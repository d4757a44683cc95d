/**
 * Tunnel events and script hooks: up, route-up, route-pre-down, down, ipchange, client-connect,
 * client-disconnect, learn-address, reported with OpenVPN's script environment names so existing scripts run.
 */
@Export
@Version("1.2.0")
package io.sluice.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
