/**
 * A ready-to-run PKI for a server started without one: on first start
 * {@link io.sluice.core.pki.PkiBootstrap} creates a CA, a server certificate and one client
 * certificate (EC P-256, signed with Bouncy Castle's certificate builder over the JDK's
 * providers) and, when asked, a {@code tls-crypt} key in a state directory; later starts find
 * and reuse them. {@link io.sluice.core.pki.ClientProfile} and
 * {@link io.sluice.core.pki.ClientProfileWriter} turn the client's credentials into an
 * {@code .ovpn} profile with everything inline that stock OpenVPN 2.6 runs as is.
 * {@link io.sluice.core.pki.StaticKeys} and {@link io.sluice.core.pki.TlsCryptV2Keys} make the
 * keys of {@code --genkey}.
 *
 * <p>Storage rules: every file is written complete to a temporary file in its own directory,
 * forced to disk, then renamed into place, so a crash leaves the old file or the new one, never
 * half of one; private keys (and the profile, which holds one) are created owner-only (0600)
 * from the first byte; the PKI itself is staged and published as a set, and a start that finds
 * the set partly published completes it instead of refusing to run. An existing file is never
 * overwritten by the bootstrap.
 *
 * <p>Exported: {@code bin/sluice --pki-init} (and management commands) use it.
 */
@Export
@Version("1.1.0")
package io.sluice.core.pki;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
