/**
 * Logging as OpenVPN logs: every message has a verbosity level ({@code --verb}) and is written
 * when the instance's verb reaches it, on the {@code sluice} loggers, in OpenVPN's words, so
 * that admins' habits and log-watching scripts carry over.
 */
@Export
@Version("1.2.0")
package io.sluice.core.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
