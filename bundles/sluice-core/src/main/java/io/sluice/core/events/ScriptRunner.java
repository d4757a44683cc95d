package io.sluice.core.events;

import io.sluice.api.event.TunnelEventType;
import io.sluice.core.log.TunnelLog;
import io.sluice.core.log.Verb;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one script as OpenVPN 2.6 does (run_command.c {@code openvpn_execve_check}): directly, not
 * through a shell; in the working directory; with exactly the variables OpenVPN would set and no
 * others (OpenVPN passes its own environment list to {@code execve}, not its process environment,
 * so there is no {@code PATH} either); exit status 0 is success. What the script writes to
 * standard output and error goes to the log, line by line.
 *
 * <p>Unlike OpenVPN, which waits for a script for ever, a script still running at the time limit
 * is killed (with whatever it started) and counts as failed.
 *
 * <p>Blocking; called on the dispatcher's threads. Thread-safe.
 */
final class ScriptRunner {

    /** How long a killed script gets between SIGTERM and SIGKILL. */
    private static final long KILL_GRACE_MILLIS = 1000;
    /** How long to wait for the last output of a script that has ended. */
    private static final long DRAIN_MILLIS = 1000;
    /** How often a deferred client-connect's answer file is read. */
    private static final long DEFERRED_POLL_MILLIS = 50;
    /** The events OpenVPN runs through {@code run_up_down}: logged, and fatal when they fail. */
    private static final Set<TunnelEventType> UP_DOWN =
            EnumSet.of(TunnelEventType.UP, TunnelEventType.DOWN, TunnelEventType.ROUTE_PRE_DOWN);

    private final ScriptHooks hooks;
    private final Duration timeLimit;
    private final TunnelLog log;
    private final AtomicBoolean securityWarned = new AtomicBoolean();
    /** The tls-crypt-v2 metadata for listeners, base64; the script gets it as a file instead. */
    static final String METADATA_BASE64 = "metadata_base64";

    private final SecureRandom random = new SecureRandom();

    ScriptRunner(ScriptHooks hooks, Duration timeLimit, TunnelLog log) {
        this.hooks = hooks;
        this.timeLimit = timeLimit;
        this.log = log;
    }

    /** Whether a failing script of this kind ends the instance (init.c: {@code S_FATAL}). */
    static boolean fatal(TunnelEventType type) {
        return UP_DOWN.contains(type);
    }

    /** The hook name in OpenVPN's failure message. */
    static String hook(TunnelEventType type) {
        return UP_DOWN.contains(type) ? "--up/--down" : "--" + type.option();
    }

    /**
     * Runs {@code command} with {@code appended} after its own arguments. For client-connect the
     * runner adds the temporary file (argument and {@code client_connect_config_file}) and the
     * deferred-answer file ({@code client_connect_deferred_file}), and returns the file's lines.
     */
    ScriptResult run(ScriptCommand command, List<String> appended, Map<String, String> environment) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        return switch (command.type()) {
            case CLIENT_CONNECT -> clientConnect(command, appended, environment, deadline);
            case USER_PASS_VERIFY -> userPassVerify(command, appended, environment, deadline);
            case TLS_CRYPT_V2_VERIFY -> tlsCryptV2Verify(command, appended, environment, deadline);
            default -> execute(command, appended, environment, deadline);
        };
    }

    /**
     * ssl_verify.c {@code verify_user_pass_script}: {@code via-file} writes the username and
     * password to a fresh owner-only file, passed as the last argument and removed afterwards,
     * and keeps the password out of the environment; {@code via-env} leaves both in the
     * environment.
     */
    private ScriptResult userPassVerify(ScriptCommand command, List<String> appended, Map<String, String> environment,
                                        long deadline) {
        boolean viaFile = !command.line().arg(1).orElse("via-file").equals("via-env");
        if (!viaFile || !hooks.scriptsAllowed()) {
            return execute(command, appended, environment, deadline);
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        String password = env.remove("password");
        Path file = null;
        try {
            file = tempFile("up");
            Files.writeString(file, env.getOrDefault("username", "") + "\n" + (password == null ? "" : password) + "\n");
            List<String> args = new ArrayList<>(appended);
            args.add(file.toString());
            return execute(command, args, env, deadline);
        } catch (IOException e) {
            log.warn("Could not create a temporary file in " + hooks.tmpDir() + ": " + e.getMessage());
            return ScriptResult.failed(ScriptResult.Status.NOT_EXECUTED, OptionalInt.empty(),
                    "could not create temporary files in " + hooks.tmpDir());
        } finally {
            delete(file);
        }
    }

    /**
     * tls_crypt.c {@code tls_crypt_v2_verify_metadata}: the metadata (after its type byte) goes
     * to a fresh owner-only file named in {@code metadata_file}, removed afterwards; the
     * listeners' {@link #METADATA_BASE64} does not reach the script.
     */
    private ScriptResult tlsCryptV2Verify(ScriptCommand command, List<String> appended,
                                          Map<String, String> environment, long deadline) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        String metadata = env.remove(METADATA_BASE64);
        if (!hooks.scriptsAllowed()) {
            return execute(command, appended, env, deadline);
        }
        Path file = null;
        try {
            file = tempFile("tls_crypt_v2_metadata");
            Files.write(file, java.util.Base64.getDecoder().decode(metadata == null ? "" : metadata));
            env.put("metadata_file", file.toString());
            return execute(command, appended, env, deadline);
        } catch (IOException e) {
            log.warn("ERROR: could not write metadata to file");
            return ScriptResult.failed(ScriptResult.Status.NOT_EXECUTED, OptionalInt.empty(),
                    "could not write metadata to file in " + hooks.tmpDir());
        } finally {
            delete(file);
        }
    }

    /** Runs the program and logs a failure as OpenVPN does. */
    private ScriptResult execute(ScriptCommand command, List<String> appended, Map<String, String> environment,
                                 long deadline) {
        ScriptResult result = attempt(command, appended, environment, deadline);
        if (!result.succeeded()) {
            String line = "WARNING: Failed running command (" + hook(command.type()) + "): " + result.message();
            if (fatal(command.type())) {
                log.error(line);
            } else {
                log.warn(line);
            }
        }
        return result;
    }

    private ScriptResult attempt(ScriptCommand command, List<String> appended, Map<String, String> environment,
                                 long deadline) {
        if (!hooks.scriptsAllowed()) {
            if (securityWarned.compareAndSet(false, true)) {
                log.warn(ScriptHooks.SCRIPT_SECURITY_WARNING);
            }
            return ScriptResult.failed(ScriptResult.Status.NOT_ALLOWED, OptionalInt.empty(),
                    "disallowed by script-security setting");
        }
        if (UP_DOWN.contains(command.type())) {
            log.info(Verb.INFO, command.display(appended)); // init.c run_up_down: argv_msg(M_INFO)
        }
        ProcessBuilder builder = new ProcessBuilder(command.argv(appended))
                .directory(hooks.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            log.info(Verb.INFO, command.program() + ": " + e.getMessage()); // what execve said, which OpenVPN loses
            return ScriptResult.failed(ScriptResult.Status.NOT_EXECUTED, OptionalInt.empty(),
                    "could not execute external program");
        }
        String name = "sluice-script-" + command.type().scriptType();
        Thread out = drain(process.getInputStream(), name + "-out", line -> log.info(Verb.INFO, line));
        Thread err = drain(process.getErrorStream(), name + "-err", log::warn);
        try {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(process);
                return ScriptResult.failed(ScriptResult.Status.TIMED_OUT, OptionalInt.empty(),
                        "external program did not exit within " + seconds(timeLimit) + " and was killed");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return ScriptResult.failed(ScriptResult.Status.TIMED_OUT, OptionalInt.empty(),
                    "external program was killed: the instance is stopping");
        } finally {
            join(out);
            join(err);
        }
        int status = process.exitValue();
        if (status == 0) {
            return ScriptResult.succeeded(List.of());
        }
        // run_command.h OPENVPN_EXECVE_FAILURE: what a shell also says for "not found"
        String message = status == 127 ? "could not execute external program"
                : "external program exited with error status: " + status;
        return ScriptResult.failed(ScriptResult.Status.FAILED, OptionalInt.of(status), message);
    }

    /**
     * multi.c {@code multi_client_connect_call_script} and the deferred variant: the script gets a
     * fresh file for configuration lines and one for a deferred answer ({@code 2} = later, then
     * {@code 1} = go on or {@code 0} = refuse; anything else written right away is ignored).
     */
    private ScriptResult clientConnect(ScriptCommand command, List<String> appended, Map<String, String> environment,
                                       long deadline) {
        if (!hooks.scriptsAllowed()) {
            return execute(command, appended, environment, deadline);
        }
        Path config = null;
        Path deferred = null;
        try {
            config = tempFile("cc");
            deferred = tempFile("ccr");
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("client_connect_config_file", config.toString());
            env.put("client_connect_deferred_file", deferred.toString());
            List<String> args = new ArrayList<>(appended);
            args.add(config.toString());
            ScriptResult ran = execute(command, args, env, deadline);
            if (!ran.succeeded()) {
                return ran;
            }
            int answer = answer(deferred);
            if (answer != '2') {
                if (answer != -1 && answer != '0' && answer != '1') {
                    log.warn("WARNING: Unknown/unexpected value in deferred client-connect resultfile");
                }
                return ScriptResult.succeeded(lines(config));
            }
            while (answer == '2' || answer == -1) {
                if (System.nanoTime() - deadline >= 0) {
                    log.info(Verb.INFO, "MULTI: deferred --client-connect script gave no answer within "
                            + seconds(timeLimit));
                    return ScriptResult.failed(ScriptResult.Status.TIMED_OUT, OptionalInt.of(0),
                            "deferred client-connect gave no answer within " + seconds(timeLimit));
                }
                Thread.sleep(DEFERRED_POLL_MILLIS);
                answer = answer(deferred);
            }
            if (answer == '1') {
                return ScriptResult.succeeded(lines(config));
            }
            if (answer != '0') {
                log.warn("WARNING: Unknown/unexpected value in deferred client-connect resultfile");
            }
            log.info(Verb.INFO, "MULTI: deferred --client-connect script returned CC_RET_FAILED");
            return ScriptResult.failed(ScriptResult.Status.FAILED, OptionalInt.of(0),
                    "deferred client-connect script returned CC_RET_FAILED");
        } catch (IOException e) {
            log.warn("Could not create or read a temporary file in " + hooks.tmpDir() + ": " + e.getMessage());
            return ScriptResult.failed(ScriptResult.Status.NOT_EXECUTED, OptionalInt.empty(),
                    "could not create temporary files in " + hooks.tmpDir());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScriptResult.failed(ScriptResult.Status.TIMED_OUT, OptionalInt.of(0),
                    "deferred client-connect abandoned: the instance is stopping");
        } finally {
            delete(config);
            delete(deferred);
        }
    }

    /** The first byte of the deferred-answer file, or -1 when it is empty or gone. */
    private static int answer(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }

    /** platform.c {@code platform_create_temp_file}: {@code openvpn_<prefix>_<random>.tmp}, mode 0600, new. */
    private Path tempFile(String prefix) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            byte[] r = new byte[16];
            random.nextBytes(r);
            Path file = hooks.tmpDir().resolve("openvpn_" + prefix + "_" + HexFormat.of().formatHex(r) + ".tmp");
            try {
                try {
                    return Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                } catch (UnsupportedOperationException e) {
                    return Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                last = e;
            }
        }
        throw last;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The directory is the admin's; a leftover file is harmless.
            }
        }
    }

    /** Ends a script and everything it started: SIGTERM, a grace period, then SIGKILL. */
    private static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Thread drain(InputStream stream, String name, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The script is gone; nothing more to read.
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits briefly for a drain thread: a script may leave a background process holding its
     * output open (a deferred client-connect does), whose lines are then still logged later.
     */
    private static void join(Thread t) {
        try {
            t.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
