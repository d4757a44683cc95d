package io.sluice.itests.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keys made by {@code bin/sluice --genkey}, so interop tests can prove stock OpenVPN reads what
 * Sluice writes (the counterpart of {@link OpenVpnKeys}). No network involved: runs in the host
 * namespace, in the key file's directory.
 */
public final class SluiceKeys {

    private SluiceKeys() {
    }

    /** {@code bin/sluice --genkey tls-crypt-v2-server FILE}. */
    public static Path tlsCryptV2Server(Path file) {
        return run(file, "--genkey", "tls-crypt-v2-server", file.toString());
    }

    /**
     * {@code bin/sluice --tls-crypt-v2 SERVERKEY --genkey tls-crypt-v2-client FILE [METADATA]}:
     * without metadata the key carries its creation time, as OpenVPN's do.
     */
    public static Path tlsCryptV2Client(Path serverKey, Path file, String... base64Metadata) {
        List<String> args = new ArrayList<>(List.of("--tls-crypt-v2", serverKey.toString(), "--genkey",
                "tls-crypt-v2-client", file.toString()));
        args.addAll(List.of(base64Metadata));
        return run(file, args.toArray(String[]::new));
    }

    private static Path run(Path file, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SluicePeer.binSluice().toString());
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(file.toAbsolutePath().getParent(), "genkey", ".log");
            ProcessBuilder builder = new ProcessBuilder(cmd).directory(file.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + output);
            }
            return file;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
