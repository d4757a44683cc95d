package io.sluice.itests.interop;

import static io.sluice.itests.interop.InteropConfigs.client;
import static io.sluice.itests.interop.InteropConfigs.server;
import static io.sluice.itests.net.TunnelChecks.assertAllReplies;
import static io.sluice.itests.net.TunnelChecks.routeDevice;
import static io.sluice.itests.net.TunnelChecks.tunAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.OpenVpnPeer;
import io.sluice.itests.net.Preconditions;
import io.sluice.itests.net.SluicePeer;
import io.sluice.itests.net.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An integrator's authentication backend, hot-deployed: the fixture bundle (a {@code
 * UserAuthenticator} service named {@code fixture}) is dropped into the deploy directory of a
 * running {@code bin/sluice} whose configuration says {@code plugin fixture}, and stock OpenVPN
 * 2.6 clients log in with {@code auth-user-pass}. The backend's answer decides: the right
 * password connects, with the address and route the backend gave; a wrong one gets
 * {@code AUTH_FAILED} with the backend's reason. When the bundle is removed, new logins are
 * refused with a line naming the missing backend, and the connected client stays up.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class UserAuthBackendIT {

    private static final Duration T = Duration.ofSeconds(60);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    private static Path credentials(NetLab lab, String name, String user, String password) throws Exception {
        Path file = lab.dir().resolve(name + ".pass");
        Files.writeString(file, user + "\n" + password + "\n");
        return file;
    }

    @Test
    void aHotDeployedBackendNamedByPluginDecidesLoginsAndItsRemovalEndsOnlyNewLogins() throws Exception {
        Path fixture = Path.of(System.getProperty("sluice.fixture.auth"));
        assertTrue(Files.isRegularFile(fixture), "fixture bundle not built: " + fixture);
        Path deployed = Path.of(System.getProperty("sluice.home")).resolve("deploy").resolve(fixture.getFileName());
        try (NetLab lab = NetLab.open("UserAuthBackendIT")) {
            Ns serverNs = lab.namespace("server");
            Ns carolNs = lab.namespace("carol");
            Ns malloryNs = lab.namespace("mallory");
            Link carol = lab.link(serverNs, carolNs);
            Link mallory = lab.link(serverNs, malloryNs);
            TestPki pki = TestPki.create(lab.dir().resolve("pki"));
            SluicePeer sluice = SluicePeer.start(lab, serverNs, "sluice-server",
                    server("udp", "0.0.0.0", pki, pki.server("server"), "plugin fixture"));
            Files.copy(fixture, deployed, StandardCopyOption.REPLACE_EXISTING);

            // The right password; until the bundle is up, logins are refused and OpenVPN tries again.
            OpenVpnPeer.start(lab, carolNs, "carol", client("udp", carol.a().v4(), pki, pki.client("carol"),
                    "auth-user-pass " + OpenVpnPeer.quote(credentials(lab, "carol", "carol", "lorac")),
                    "auth-retry nointeract"));
            sluice.awaitLog(Pattern.compile("TLS: Username/Password authentication succeeded for username 'carol'"), T);
            assertEquals("10.8.0.77", tunAddress(lab, carolNs, "tun0"), "the backend's address");
            assertEquals("tun0", routeDevice(lab, carolNs, "10.77.1.1"), "the backend's pushed route");
            assertAllReplies(lab.ping(carolNs, "10.8.0.1", 3, T));

            // A wrong password: the backend's reason reaches the client.
            OpenVpnPeer wrong = OpenVpnPeer.launch(lab, malloryNs, "mallory", client("udp", mallory.a().v4(), pki,
                    pki.client("mallory"), "auth-user-pass "
                            + OpenVpnPeer.quote(credentials(lab, "mallory", "mallory", "guess"))));
            wrong.awaitLog(Pattern.compile("AUTH_FAILED,fixture says no"), T);
            sluice.awaitLog(Pattern.compile("authentication backend 'fixture' refused: password is not the username"
                    + " backwards"), T);
            wrong.stop();

            // The backend goes away while carol's tunnel runs: she stays, a new login is refused
            // once the deploy directory's watcher (polling every second) has uninstalled it.
            int removedAt = sluice.process().mark();
            Files.delete(deployed);
            Pattern missing = Pattern.compile("mallory/.*authentication backend 'fixture' is not installed");
            long deadline = System.nanoTime() + T.toNanos();
            boolean refused = false;
            for (int attempt = 0; !refused && System.nanoTime() < deadline; attempt++) {
                OpenVpnPeer late = OpenVpnPeer.launch(lab, malloryNs, "mallory-late-" + attempt, client("udp",
                        mallory.a().v4(), pki, pki.client("mallory"), "auth-user-pass "
                                + OpenVpnPeer.quote(credentials(lab, "late", "mallory", "yrollam"))));
                late.awaitLog(Pattern.compile("AUTH_FAILED|Initialization Sequence Completed"), T);
                late.stop();
                refused = sluice.process().lines().stream().skip(removedAt).anyMatch(l -> missing.matcher(l).find());
            }
            assertTrue(refused, "no login was refused for the missing backend: " + sluice.process().tail(20));
            assertAllReplies(lab.ping(carolNs, "10.8.0.1", 3, T));
        } finally {
            Files.deleteIfExists(deployed);
        }
    }
}
