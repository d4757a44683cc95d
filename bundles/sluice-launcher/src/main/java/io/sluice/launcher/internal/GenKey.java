package io.sluice.launcher.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import io.sluice.core.pki.StaticKeys;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --genkey TYPE [FILE]}: writes a new key and exits, as {@code openvpn --genkey} does.
 * Without a file the key goes to standard output. (2.4's {@code --genkey --secret FILE} is
 * rewritten to this form by the boot launcher.)
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
        if (!STATIC.contains(type)) {
            throw ConfigException.at(line, "key type '" + type + "' is not supported by Sluice yet");
        }
        SecureRandom random = new SecureRandom();
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
}
