package io.sluice.config;

import java.util.Optional;

/**
 * External commands and the level at which OpenVPN may run them ({@code script-security},
 * default 1).
 *
 * @param authUserPassVerifyMethod {@code via-env} or {@code via-file}
 */
public record Scripts(int scriptSecurity, Optional<String> up, Optional<String> down, Optional<String> ipchange,
                      Optional<String> routeUp, Optional<String> clientConnect, Optional<String> clientDisconnect,
                      Optional<String> learnAddress, Optional<String> authUserPassVerify,
                      Optional<String> authUserPassVerifyMethod, Optional<String> tlsVerify) {
}
