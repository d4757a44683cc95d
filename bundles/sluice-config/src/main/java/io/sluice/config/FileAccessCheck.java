package io.sluice.config;

import io.sluice.config.internal.FileCheck;

/**
 * Checks that the files a configuration names (keys, certificates, {@code tls-crypt},
 * {@code auth-user-pass} ...) can be read.
 *
 * <p>A separate step because OpenVPN checks file access only after it has read every option:
 * an unknown (for Sluice: not yet implemented) option is reported before a missing file, and a
 * profile can be parsed, inspected and exported on a machine that does not hold its files.
 * The order a runtime uses is {@link ConfigParser} → {@link SupportCheck} → this.
 */
public final class FileAccessCheck {

    private FileAccessCheck() {
    }

    /**
     * @throws ConfigException {@code server.conf:17: option 'ca': cannot read file 'ca.crt' (/etc/x/ca.crt): no such file}
     */
    public static void check(OpenVpnConfig config) throws ConfigException {
        FileCheck.verify(config);
    }
}
