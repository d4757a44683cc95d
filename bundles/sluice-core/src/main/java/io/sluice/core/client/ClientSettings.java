package io.sluice.core.client;

import io.sluice.config.CompatMode;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.api.tun.TunRequest;
import io.sluice.core.control.PullFilters;
import io.sluice.core.pushed.ConnectRetry;
import io.sluice.core.pushed.LocalRouting;
import io.sluice.core.server.ServerSettings.SessionTimings;
import io.sluice.core.tls.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client instance's settings, as the configuration gives them (the server may push ping
 * timers, routes and addresses on top).
 *
 * @param name                the instance's name in logs
 * @param remotes             the servers to try, in order ({@code remote}, {@code <connection>})
 * @param remoteRandom        {@code remote-random}: shuffle the list once at start
 * @param retry               {@code connect-retry}, {@code connect-retry-max}
 * @param serverPollTimeout   {@code server-poll-timeout} / {@code connect-timeout}: how long an
 *                            attempt may go without hearing from the server
 * @param persistRemoteIp     {@code persist-remote-ip}: keep a server's resolved address across reconnects
 * @param tun                 the TUN device to open
 * @param routing             the local options that shape addresses, routes and DNS
 * @param persistTun          {@code persist-tun}: keep the device (and what was set on it) across
 *                            reconnects that get the same options
 * @param credentials         {@code auth-user-pass}: where the username and password come from
 * @param authRetry           {@code auth-retry}
 * @param authNocache         {@code auth-nocache}: keep no password in memory once it was sent
 * @param dataCiphers         {@code data-ciphers}, offered to the server
 * @param dataCiphersFallback {@code data-ciphers-fallback}
 * @param auth                the {@code auth} digest for CBC ciphers
 * @param ping                the configured ping (the server may push another)
 * @param pingRestart         the configured ping-restart (the server may push another)
 * @param renegotiateAfter    {@code reneg-sec}: start a new key this long after the last (0: never)
 * @param pullFilters         {@code pull-filter} rules
 * @param replayWindow        {@code replay-window} packets
 * @param replaySeconds       {@code replay-window} seconds
 * @param tls                 the TLS settings of every key
 * @param controlProtection   {@code tls-auth} or {@code tls-crypt}, if configured
 * @param compat             {@code compat-mode}: whether keys may come from the TLS exporter
 * @param timings             tls-mtu, hand-window, tran-window, tls-timeout
 * @param payload             compression framing, reneg-bytes and reneg-pkts
 */
public record ClientSettings(String name, List<RemoteSpec> remotes, boolean remoteRandom, ConnectRetry retry,
                             Duration serverPollTimeout, boolean persistRemoteIp, TunRequest tun, LocalRouting routing, boolean persistTun,
                             Optional<CredentialSource> credentials, AuthRetry authRetry, boolean authNocache,
                             List<String> dataCiphers, Optional<String> dataCiphersFallback, String auth,
                             Duration ping, Duration pingRestart, Duration renegotiateAfter, PullFilters pullFilters,
                             int replayWindow, int replaySeconds, TlsSettings tls,
                             ControlProtectionSpec controlProtection, CompatMode compat, SessionTimings timings,
                             io.sluice.core.tunnel.PayloadSettings payload) {

    public ClientSettings {
        Objects.requireNonNull(name, "name");
        remotes = List.copyOf(remotes);
        if (remotes.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one remote");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(serverPollTimeout, "serverPollTimeout");
        Objects.requireNonNull(tun, "tun");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authRetry, "authRetry");
        dataCiphers = List.copyOf(dataCiphers);
        Objects.requireNonNull(dataCiphersFallback, "dataCiphersFallback");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(pingRestart, "pingRestart");
        Objects.requireNonNull(renegotiateAfter, "renegotiateAfter");
        Objects.requireNonNull(pullFilters, "pullFilters");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(controlProtection, "controlProtection");
        Objects.requireNonNull(compat, "compat");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(payload, "payload");
    }
}
