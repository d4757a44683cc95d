package io.sluice.launcher.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.config.FileOrInline;
import io.sluice.core.pki.StaticKeys;
import io.sluice.core.pki.TlsCryptV2Keys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --genkey TYPE [FILE]}: writes a new key and exits, as {@code openvpn --genkey} does.
 * Without a file the key goes to standard output. (2.4's {@code --genkey --secret FILE} is
 * rewritten to this form by the boot launcher.) {@code tls-crypt-v2-client} wraps the new key
 * under the server key named by {@code --tls-crypt-v2}, with the optional base64 metadata as
 * third argument, as OpenVPN does.
 */
final class GenKey {

    /** The types that are one static key file each (OpenVPN: {@code tls-auth} and {@code tls-crypt} alias {@code secret}). */
    private static final Set<String> STATIC = Set.of("secret", "tls-auth", "tls-crypt");

    private GenKey() {
    }

    /**
     * Runs {@code genkey} from {@code config}.
     *
     * @return the exit status: 0 when the key was written
     * @throws ConfigException for a key type Sluice cannot make yet
     */
    static int run(OpenVpnConfig config, PrintStream out, PrintStream err) throws ConfigException {
        OptionLine line = config.last("genkey").orElseThrow();
        String type = line.arg(0).orElse("secret");
        Optional<String> file = line.arg(1);
        SecureRandom random = new SecureRandom();
        if (type.equals("tls-crypt-v2-server") || type.equals("tls-crypt-v2-client")) {
            return tlsCryptV2(config, line, type, file, out, err, random);
        }
        if (!STATIC.contains(type)) {
            throw ConfigException.at(line, "key type '" + type + "' is not supported by Sluice yet");
        }
        if (file.isEmpty()) {
            out.print(StaticKeys.text(random));
            out.flush();
            return 0;
        }
        Path target = config.workingDirectory().resolve(file.get());
        try {
            StaticKeys.create(target, random);
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("ERROR: key file '" + file.get() + "' already exists; not overwritten");
        } catch (IOException e) {
            err.println("ERROR: cannot write key file '" + file.get() + "': " + e.getMessage());
        }
        return 1;
    }

    private static int tlsCryptV2(OpenVpnConfig config, OptionLine line, String type, Optional<String> file,
                                  PrintStream out, PrintStream err, SecureRandom random) throws ConfigException {
        boolean client = type.equals("tls-crypt-v2-client");
        String serverKey = null;
        if (client) {
            Optional<FileOrInline> source = config.controlChannel().tlsCryptV2();
            if (source.isEmpty()) {
                // init.c, word for word.
                throw ConfigException.at(line, "--genkey tls-crypt-v2-client requires a server key to be set via"
                        + " --tls-crypt-v2 to create a client key");
            }
            try {
                serverKey = source.get().read();
            } catch (IOException e) {
                err.println("ERROR: failed to read OpenVPN tls-crypt-v2 server key file ("
                        + source.get().path().map(Object::toString).orElse("[inline]") + "): " + e.getMessage());
                return 1;
            }
        }
        // OpenVPN takes an empty file name as standard output too.
        Optional<String> target = file.filter(f -> !f.isEmpty());
        Optional<String> metadata = line.arg(2);
        try {
            if (target.isEmpty()) {
                out.print(client ? TlsCryptV2Keys.clientKeyText(serverKey, metadata, Instant.now(), random)
                        : TlsCryptV2Keys.serverKeyText(random));
                out.flush();
                return 0;
            }
            Path path = config.workingDirectory().resolve(target.get());
            if (client) {
                TlsCryptV2Keys.createClientKey(path, serverKey, metadata, Instant.now(), random);
            } else {
                TlsCryptV2Keys.createServerKey(path, random);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
        } catch (FileAlreadyExistsException e) {
            err.println("ERROR: key file '" + target.get() + "' already exists; not overwritten");
        } catch (IOException e) {
            err.println("ERROR: cannot write key file '" + target.get() + "': " + e.getMessage());
        }
        return 1;
    }
}
