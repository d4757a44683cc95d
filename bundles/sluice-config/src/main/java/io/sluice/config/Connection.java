package io.sluice.config;

import java.util.Optional;

/**
 * One entry of the effective connection list OpenVPN tries in order: a {@code <connection>} block,
 * or a {@code remote} line combined with the global connection options. A TCP protocol is already
 * resolved to its client or server form as OpenVPN resolves it.
 */
public record Connection(String host, int port, Proto proto, Optional<String> local, int localPort,
                         boolean bind, boolean floatAllowed, Optional<Integer> tunMtu, int explicitExitNotify,
                         Optional<String> httpProxy, Optional<String> socksProxy,
                         Optional<FileOrInline> tlsAuth, Optional<FileOrInline> tlsCrypt,
                         Optional<FileOrInline> tlsCryptV2) {
}
