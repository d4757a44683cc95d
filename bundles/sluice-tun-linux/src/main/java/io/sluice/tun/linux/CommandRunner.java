package io.sluice.tun.linux;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool ({@code resolvectl}); a seam, so unit tests check command lines without running them. */
interface CommandRunner {

    /** How long a command may take before it is killed. */
    Duration TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param exitCode the exit status
     * @param output   standard output and standard error, merged, trimmed
     */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} (an absolute path and its arguments, never looked up in PATH) with no
     * input, in the C locale, and waits for it.
     *
     * @throws IOException if it could not be started or did not end in time (it is killed then)
     */
    Result run(List<String> command) throws IOException;

    /** The real thing. */
    CommandRunner SYSTEM = command -> {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("SYSTEMD_PAGER", "");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + TIMEOUT.toSeconds() + " s");
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).strip());
    };
}
