/**
 * Certificate checks that run after the TLS layer has verified a peer's chain against its
 * CA: revocation (CRL, OCSP), name and usage policies, integrator-specific rules.
 */
@Export
@Version("1.0.0")
package io.sluice.api.cert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
