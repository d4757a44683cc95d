package io.sluice.core.runtime;

import io.sluice.config.ConfigException;
import io.sluice.config.ControlChannel;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.core.wire.ControlProtectionSpec.Kind;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code tls-auth [FILE|inline] [0|1]} with {@code key-direction} and {@code auth}, or
 * {@code tls-crypt FILE}, as the engine's {@link ControlProtectionSpec}. The key is read now,
 * once, so a key file that is missing or not an OpenVPN static key is a configuration error
 * naming its line, as OpenVPN reports it at start.
 */
final class ControlProtectionMapper {

    /** OpenVPN's {@code auth} default, which tls-auth signs with. */
    static final String DEFAULT_DIGEST = "SHA1";

    private ControlProtectionMapper() {
    }

    static ControlProtectionSpec map(OpenVpnConfig c) throws ConfigException {
        ControlChannel cc = c.controlChannel();
        String digest = c.dataChannel().auth().orElse(DEFAULT_DIGEST);
        if (cc.tlsAuth().isPresent()) {
            OptionLine line = c.last("tls-auth").orElseThrow();
            KeyDirection direction = KeyDirection.forStaticKey(cc.keyDirection().map(String::valueOf).orElse(null));
            return new ControlProtectionSpec(Kind.TLS_AUTH, Optional.of(key(line, cc.tlsAuth().get())), direction,
                    digest);
        }
        if (cc.tlsCrypt().isPresent()) {
            OptionLine line = c.last("tls-crypt").orElseThrow();
            return new ControlProtectionSpec(Kind.TLS_CRYPT, Optional.of(key(line, cc.tlsCrypt().get())),
                    KeyDirection.BIDIRECTIONAL, digest);
        }
        return ControlProtectionSpec.NONE;
    }

    /** Reads a static key file named on {@code line}; any problem is a configuration error at that line. */
    static Key2 key(OptionLine line, FileOrInline source) throws ConfigException {
        String where = source.path().map(Object::toString).orElse("[inline]");
        try {
            return StaticKeyFile.parse(source.read());
        } catch (IOException e) {
            throw ConfigException.at(line, "cannot read " + where + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(line, where + " is not an OpenVPN static key: " + e.getMessage());
        }
    }
}
