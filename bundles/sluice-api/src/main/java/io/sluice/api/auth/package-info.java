/**
 * User authentication: username and password checked by local secrets, RADIUS, LDAP or
 * whatever an integrator deploys. Answers accept, reject, or deferred (decided later).
 */
@Export
@Version("1.0.0")
package io.sluice.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
