package io.sluice.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Process-level settings: what survives a restart, privileges, status and log files. The status
 * interval defaults to OpenVPN's 60 s.
 */
public record ProcessOptions(boolean persistTun, boolean persistKey, Optional<String> user, Optional<String> group,
                             Optional<Path> status, int statusSeconds, Optional<Path> log,
                             boolean logAppend) {
}
