/**
 * Tunnel events and script hooks: up, route-up, route-pre-down, down, ipchange, client-connect,
 * client-disconnect, learn-address, auth-user-pass-verify, tls-crypt-v2-verify, reported with OpenVPN's script environment names so existing scripts run.
 */
@Export
@Version("1.3.0")
package io.sluice.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
