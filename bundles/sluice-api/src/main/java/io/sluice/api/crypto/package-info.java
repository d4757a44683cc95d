/**
 * Data-channel cryptography: cipher and HMAC providers, looked up by OpenVPN names.
 *
 * <p>A provider bundle registers a {@link io.sluice.api.crypto.CipherProvider} or a
 * {@link io.sluice.api.crypto.DigestProvider} service. The engine asks it for one context
 * per key and per direction and keeps that context until the key is retired, so a
 * provider that goes away only ends the sessions whose keys it made.
 */
@Export
@Version("1.0.0")
package io.sluice.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
