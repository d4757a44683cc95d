package io.sluice.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Multi-client server settings. Defaults are OpenVPN's: pool persistence every 600 s, 1024
 * clients.
 */
public record ServerOptions(Optional<Path> ifconfigPoolPersist, int ifconfigPoolPersistSeconds,
                            Optional<Path> clientConfigDir, boolean ccdExclusive, int maxClients,
                            boolean duplicateCn, boolean clientToClient) {
}
