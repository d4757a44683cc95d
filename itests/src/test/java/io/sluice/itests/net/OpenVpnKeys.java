package io.sluice.itests.net;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Static keys made by OpenVPN itself ({@code openvpn --genkey ...}), so their file format is by
 * definition what OpenVPN reads. No network involved: runs in the host namespace.
 */
public final class OpenVpnKeys {

    /** What {@code --genkey} makes. */
    public enum Kind {
        /** Static key for {@code --secret} and {@code --tls-auth}/{@code --tls-crypt} (same format). */
        SECRET("secret"),
        TLS_AUTH("tls-auth"),
        TLS_CRYPT("tls-crypt"),
        TLS_CRYPT_V2_SERVER("tls-crypt-v2-server");

        final String arg;

        Kind(String arg) {
            this.arg = arg;
        }
    }

    private OpenVpnKeys() {
    }

    /** Writes a new key of {@code kind} to {@code file} and returns the file. */
    public static Path genkey(Kind kind, Path file) {
        return run(List.of("--genkey", kind.arg, file.toString()), file);
    }

    /** Writes a tls-crypt-v2 client key wrapped with {@code serverKey} to {@code file}. */
    public static Path tlsCryptV2Client(Path serverKey, Path file) {
        return run(List.of("--tls-crypt-v2", serverKey.toString(), "--genkey", "tls-crypt-v2-client", file.toString()),
                file);
    }

    private static Path run(List<String> args, Path file) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Commands.path("openvpn"));
        cmd.addAll(args);
        Commands.run(Duration.ofSeconds(20), cmd).requireOk();
        return file;
    }
}
