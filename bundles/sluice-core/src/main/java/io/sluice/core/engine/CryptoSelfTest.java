package io.sluice.core.engine;

import io.sluice.config.ConfigException;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.core.data.LoopbackSelfTest;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --test-crypto --secret FILE [--cipher C] [--auth D]}: OpenVPN's crypto self-test, and
 * exit. With a {@code cipher} only that cipher is tested, logging every packet length as
 * OpenVPN does; without one, every cipher the installed provider bundles offer is tested in
 * turn, one line each (the per-length lines from {@code --verb 4}).
 */
public final class CryptoSelfTest {

    /** The largest packet tested: the default tun-mtu, as OpenVPN tests up to its frame's payload. */
    public static final int MAX_LENGTH = 1500;

    private CryptoSelfTest() {
    }

    /**
     * Runs the test as the configuration says and logs the outcome.
     *
     * @return the exit status: 0 when every cipher passed
     * @throws ConfigException when there is no readable static key
     */
    public static int run(OpenVpnConfig config, CryptoProviders providers, TunnelLog log) throws ConfigException {
        OptionLine where = config.last("test-crypto").orElseThrow();
        FileOrInline source = config.controlChannel().secret()
                .orElseThrow(() -> ConfigException.at(where, "needs a key: --secret FILE"));
        Key2 key;
        try {
            key = StaticKeyFile.parse(source.read());
        } catch (IOException | IllegalArgumentException e) {
            throw ConfigException.at(config.last("secret").orElse(where), "cannot read the static key: "
                    + e.getMessage());
        }
        String auth = config.dataChannel().auth().orElse("SHA1");
        List<String> ciphers = new ArrayList<>(config.dataChannel().cipher().map(List::of)
                .orElseGet(() -> List.copyOf(providers.cipherNames())));
        boolean single = ciphers.size() == 1;
        log.info(Verb.INFO, "Entering Sluice crypto self-test mode.");
        int failed = 0;
        for (String cipher : ciphers) {
            int perPacketVerb = single ? Verb.INFO : Verb.PARAMETERS;
            LoopbackSelfTest.Result r = LoopbackSelfTest.run(key, cipher, auth, providers, MAX_LENGTH,
                    n -> log.info(perPacketVerb, "TESTING ENCRYPT/DECRYPT of packet length=" + n));
            if (r.passed()) {
                log.info(Verb.INFO, "Cipher '" + r.cipher() + "' (" + r.detail() + "): OK, 1.." + MAX_LENGTH + " bytes");
            } else {
                failed++;
                log.error("Cipher '" + r.cipher() + "': FAILED: " + r.detail());
            }
        }
        log.info(Verb.INFO, failed == 0 ? "Sluice crypto self-test mode SUCCEEDED."
                : "Sluice crypto self-test mode FAILED (" + failed + " of " + ciphers.size() + " ciphers).");
        return failed == 0 ? 0 : 1;
    }
}
