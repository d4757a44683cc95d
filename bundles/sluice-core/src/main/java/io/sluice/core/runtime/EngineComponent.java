package io.sluice.core.runtime;

import io.sluice.api.auth.UserAuthenticator;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.transport.DatagramTransport;
import io.sluice.api.transport.StreamTransport;
import io.sluice.api.dns.HostResolver;
import io.sluice.api.event.TunnelEventListener;
import io.sluice.api.tun.HostRoutes;
import io.sluice.api.tun.TunDriver;
import io.sluice.config.ConfigException;
import io.sluice.config.Mode;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.TlsRole;
import io.sluice.core.client.ClientInstance;
import io.sluice.core.client.ClientSettings;
import io.sluice.core.engine.Prompt;
import io.sluice.core.engine.CryptoProviders;
import io.sluice.core.engine.Platform;
import io.sluice.core.events.InstanceEvents;
import io.sluice.core.engine.Tunnel;
import io.sluice.core.engine.TunnelEngine;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.p2p.P2pSettings;
import io.sluice.core.p2p.PeerToPeerInstance;
import io.sluice.core.server.ClientConfigSource;
import io.sluice.core.server.ServerInstance;
import io.sluice.core.server.ServerSettings;
import io.sluice.core.time.Clock;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine as a service: servers, clients and static-key peers. It follows the capability bundles as they come and go: crypto
 * providers are asked for each new key; the TUN driver and transports are taken when an
 * instance starts, and the instance keeps them until it stops.
 */
@Component(service = TunnelEngine.class)
public final class EngineComponent implements TunnelEngine {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<CipherProvider> ciphers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<DigestProvider> digests;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TunDriver tunDriver;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + DatagramTransport.NAME + "=udp)")
    volatile DatagramTransport udp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + DatagramTransport.NAME + "=tcp)")
    volatile StreamTransport tcp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HostRoutes hostRoutes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HostResolver resolver;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<TunnelEventListener> eventListeners;

    /** Authentication backends with their service properties, lowest-ranked first (as DS lists them). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, UserAuthenticator>> authenticators;

    /** The best-ranked authentication backend registered under {@code name} now. */
    private Optional<UserAuthenticator> authenticator(String name) {
        UserAuthenticator best = null;
        for (Map.Entry<Map<String, Object>, UserAuthenticator> e : nonNull(authenticators)) {
            if (name.equals(String.valueOf(e.getKey().get(UserAuthenticator.NAME)))) {
                best = e.getValue(); // later entries rank higher
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public CryptoProviders crypto() {
        return new ProviderRegistry(() -> nonNull(ciphers), () -> nonNull(digests));
    }

    @Override
    public Tunnel start(OpenVpnConfig config, String name, TunnelLog log, Prompt prompt)
            throws ConfigException, IOException {
        if (config.mode() == Mode.SERVER) {
            return startServer(config, name, log, prompt);
        }
        if (config.controlChannel().role() == TlsRole.CLIENT) {
            return startClient(config, name, log, prompt);
        }
        if (config.controlChannel().role() == TlsRole.NONE && config.controlChannel().secret().isPresent()) {
            return startPeerToPeer(config, name, log);
        }
        throw ConfigException.forOption(config.lines().get(0).location(), "mode",
                "nothing to run: neither 'client', 'server' nor a static-key peer ('secret')");
    }


    private Platform platform() throws IOException {
        TunDriver driver = tunDriver;
        if (driver == null) {
            throw new IOException("no TUN/TAP driver is installed (feature sluice-tun-linux)");
        }
        return new Platform(crypto(), driver,
                Optional.ofNullable(udp), Optional.ofNullable(tcp), Optional.ofNullable(hostRoutes),
                Optional.ofNullable(resolver));
    }

    private Tunnel startServer(OpenVpnConfig config, String name, TunnelLog log, Prompt prompt)
            throws ConfigException, IOException {
        ServerSettings settings = ServerSettingsMapper.map(config, name, prompt);
        Platform platform = platform();
        ClientConfigSource ccd = new ClientConfigDirectory(settings.clientConfigDir(), config.network().topology(),
                settings.ccdExclusive());
        InstanceEvents events = InstanceEvents.create(config, name, () -> nonNull(eventListeners), this::authenticator, log);
        ServerInstance server = new ServerInstance(settings, platform, ccd, log, Clock.system(),
                java.time.Clock.systemUTC(), new SecureRandom(), events);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        CompletableFuture<Integer> ended = new CompletableFuture<>();
        return new RunningTunnel(name, () -> server.deviceName() + ", " + server.clientCount() + " clients", ended,
                () -> {
                    server.close();
                    ended.complete(ClientInstance.EXIT_OK);
                });
    }

    private Tunnel startClient(OpenVpnConfig config, String name, TunnelLog log, Prompt prompt)
            throws ConfigException, IOException {
        ClientSettings settings = ClientSettingsMapper.map(config, name, prompt);
        InstanceEvents events = InstanceEvents.create(config, name, () -> nonNull(eventListeners), this::authenticator, log);
        ClientInstance client = new ClientInstance(settings, platform(), log, Clock.system(),
                java.time.Clock.systemUTC(), new SecureRandom(), prompt, events);
        client.start();
        return new RunningTunnel(name, () -> (client.connected() ? "connected" : "connecting")
                + (client.deviceName().isEmpty() ? "" : ", " + client.deviceName()), client.finished(), client::close);
    }

    private Tunnel startPeerToPeer(OpenVpnConfig config, String name, TunnelLog log)
            throws ConfigException, IOException {
        Platform platform = platform();
        P2pSettings settings = P2pSettingsMapper.map(config, name, platform.crypto());
        PeerToPeerInstance peer = new PeerToPeerInstance(settings, platform, log, Clock.system(),
                java.time.Clock.systemUTC(), new SecureRandom());
        peer.start();
        return new RunningTunnel(name, () -> peer.deviceName() + peer.confirmedPeer()
                .map(p -> ", peer " + p).orElse(", waiting for the peer"), peer.finished(), peer::close);
    }

    /** What a caller holds of a running instance. */
    private record RunningTunnel(String name, Supplier<String> statusLine, CompletionStage<Integer> ended,
                                 Runnable stop) implements Tunnel {
        @Override
        public String status() {
            return statusLine.get();
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
