package io.sluice.core.engine;

import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.core.log.TunnelLog;
import java.io.IOException;

/**
 * Service: runs what an OpenVPN configuration describes, on the capabilities installed now.
 * The configuration has been parsed and checked ({@code SupportCheck}, {@code FileAccessCheck}).
 */
public interface TunnelEngine {

    /**
     * Starts the instance. A server returns once it serves (OpenVPN's "Initialization Sequence
     * Completed"); a client returns once its first attempt is under way, and goes on connecting
     * and reconnecting in the background until {@link Tunnel#ended()}.
     *
     * @param name   the instance's name in logs and events
     * @param prompt asks for what the configuration leaves to the terminal ({@code auth-user-pass})
     * @throws ConfigException when the configuration cannot run as written (one line naming the option)
     * @throws IOException     when the system refuses (TUN device, socket in use, missing capability)
     */
    Tunnel start(OpenVpnConfig config, String name, TunnelLog log, Prompt prompt) throws ConfigException, IOException;

    /** The cipher and digest providers installed now, as a new instance would get them. */
    CryptoProviders crypto();
}
