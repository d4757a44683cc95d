package io.sluice.config;

import java.util.Optional;

/**
 * A {@code remote host [port] [proto]} line as written; the port and protocol fall back to the
 * global {@code port}/{@code rport} and {@code proto} when absent.
 */
public record Remote(String host, Optional<Integer> port, Optional<Proto> proto) {
}
