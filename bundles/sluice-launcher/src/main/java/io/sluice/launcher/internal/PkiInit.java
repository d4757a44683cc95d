package io.sluice.launcher.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.Proto;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import io.sluice.core.pki.ClientProfile;
import io.sluice.core.pki.ClientProfileWriter;
import io.sluice.core.pki.PkiBootstrap;
import io.sluice.core.pki.PkiException;
import io.sluice.core.pki.ProfileRemote;
import io.sluice.launcher.boot.PkiLocation;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * {@code bin/sluice --pki-init [HOST]}: on first start, a CA, a server certificate and one
 * client certificate in the directory the configuration names, and a ready client profile
 * ({@code client1.ovpn}) that stock OpenVPN uses as is; on later starts the same files, reused.
 */
final class PkiInit {

    private PkiInit() {
    }

    static void run(OpenVpnConfig config, String host, TunnelLog log) throws ConfigException, PkiException {
        Path dir = PkiLocation.directory(config);
        PkiBootstrap.Result result = new PkiBootstrap(new SecureRandom(), Clock.systemUTC()).ensure(dir, false);
        if (result.generated()) {
            log.info(Verb.INFO, "PKI: generated a new CA, a server and a client certificate in " + dir);
        } else {
            log.info(Verb.MULTI, "PKI: reusing the CA and certificates in " + dir);
        }
        int port = config.transport().localPort() > 0 ? config.transport().localPort() : 1194;
        Proto proto = config.transport().proto();
        ProfileRemote.Transport transport = proto.name().startsWith("TCP") ? ProfileRemote.Transport.TCP
                : ProfileRemote.Transport.UDP;
        List<String> ciphers = config.dataChannel().effectiveDataCiphers();
        Path profile = dir.resolve("client1.ovpn");
        ClientProfile text = ClientProfile.fromFiles(result.files(), List.of(new ProfileRemote(host, port, transport)),
                ciphers);
        if (new ClientProfileWriter().writeIfAbsent(profile, text) == ClientProfileWriter.Outcome.WRITTEN) {
            log.info(Verb.INFO, "PKI: client profile for " + host + ":" + port + " written to " + profile
                    + " (use it with: openvpn --config " + profile + ")");
        }
    }
}
