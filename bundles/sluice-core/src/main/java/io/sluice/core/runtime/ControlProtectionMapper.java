package io.sluice.core.runtime;

import io.sluice.config.ConfigException;
import io.sluice.config.ControlChannel;
import io.sluice.config.FileOrInline;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.core.keys.Key2;
import io.sluice.core.keys.KeyDirection;
import io.sluice.core.keys.StaticKeyFile;
import io.sluice.config.TlsRole;
import io.sluice.core.keys.TlsCryptV2ClientKey;
import io.sluice.core.keys.TlsCryptV2ServerKey;
import io.sluice.core.wire.ControlProtectionSpec;
import io.sluice.core.wire.TlsCryptV2Spec;
import io.sluice.core.wire.ControlProtectionSpec.Kind;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code tls-auth [FILE|inline] [0|1]} with {@code key-direction} and {@code auth},
 * {@code tls-crypt FILE}, or {@code tls-crypt-v2 FILE [allow-noncookie]}, as the engine's
 * {@link ControlProtectionSpec}. The key is read now, once, so a key file that is missing or
 * not the right kind of key is a configuration error naming its line, as OpenVPN reports it at
 * start. A tls-crypt-v2 server reads a server key, a client its client key (init.c
 * {@code do_init_tls_wrap_key}).
 */
final class ControlProtectionMapper {

    /** OpenVPN's {@code auth} default, which tls-auth signs with. */
    static final String DEFAULT_DIGEST = "SHA1";

    private ControlProtectionMapper() {
    }

    static ControlProtectionSpec map(OpenVpnConfig c) throws ConfigException {
        ControlChannel cc = c.controlChannel();
        String digest = c.dataChannel().auth().orElse(DEFAULT_DIGEST);
        if (cc.tlsCryptV2().isPresent()) {
            return tlsCryptV2(c, cc, digest);
        }
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

    private static ControlProtectionSpec tlsCryptV2(OpenVpnConfig c, ControlChannel cc, String digest)
            throws ConfigException {
        OptionLine line = c.last("tls-crypt-v2").orElseThrow();
        boolean server = cc.role() == TlsRole.SERVER;
        if (server) {
            for (String other : new String[] {"tls-auth", "tls-crypt"}) {
                if (c.last(other).isPresent()) {
                    // OpenVPN serves both kinds of client then; Sluice serves one protection per instance.
                    throw ConfigException.at(line, "tls-crypt-v2 together with " + other
                            + " on a server is not supported by Sluice yet");
                }
            }
        }
        // force-cookie: serve only clients that can take the stateless start; allow-noncookie (the
        // default) keeps state for older tls-crypt-v2 clients too. Meaningless on a client.
        boolean forceCookie = line.arg(1).filter("force-cookie"::equals).isPresent();
        FileOrInline source = cc.tlsCryptV2().get();
        String where = source.path().map(Object::toString).orElse("[inline]");
        String text;
        try {
            text = source.read();
        } catch (IOException e) {
            throw ConfigException.at(line, "cannot read " + where + ": " + e.getMessage());
        }
        try {
            // tls-crypt-v2-max-age (OpenVPN 2.7): days a client key's timestamp metadata may be old.
            int maxAgeDays = c.last("tls-crypt-v2-max-age").map(l -> Integer.parseInt(l.args().get(0))).orElse(0);
            TlsCryptV2Spec spec = server ? TlsCryptV2Spec.server(TlsCryptV2ServerKey.parse(text), maxAgeDays, forceCookie)
                    : TlsCryptV2Spec.client(TlsCryptV2ClientKey.parse(text));
            return ControlProtectionSpec.tlsCryptV2(spec, digest);
        } catch (IllegalArgumentException e) {
            // OpenVPN: "ERROR: invalid tls-crypt-v2 server key format" (or client).
            throw ConfigException.at(line, "invalid tls-crypt-v2 " + (server ? "server" : "client") + " key format in "
                    + where + ": " + e.getMessage());
        }
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
