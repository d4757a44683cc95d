/**
 * The OpenVPN 2.6 configuration language.
 */
@Export
@Version("0.1.0")
package io.sluice.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
