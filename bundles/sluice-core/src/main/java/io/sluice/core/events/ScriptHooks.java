package io.sluice.core.events;

import io.sluice.api.event.TunnelEventType;
import io.sluice.config.ConfigException;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripts a configuration names ({@code up}, {@code down}, {@code route-up},
 * {@code route-pre-down}, {@code ipchange}, {@code client-connect}, {@code client-disconnect},
 * {@code learn-address}) and what may run them ({@code script-security}, {@code tmp-dir}).
 *
 * <p>{@code script-security} is OpenVPN's: 0 and 1 (the default) refuse every user script, which
 * then fails as if it had failed to run; 2 and 3 run them (3 would also pass passwords, which none
 * of these scripts receive). Read once at start; a changed configuration is a new instance.
 * Immutable.
 */
public final class ScriptHooks {

    /** OpenVPN's default {@code script-security}: built-in programs only, no user scripts. */
    public static final int DEFAULT_SCRIPT_SECURITY = 1;
    /** The level from which user scripts run ({@code SSEC_SCRIPTS}). */
    public static final int SCRIPTS_ALLOWED = 2;
    /** common.h {@code SCRIPT_SECURITY_WARNING}, logged once when a script is refused. */
    public static final String SCRIPT_SECURITY_WARNING = "WARNING: External program may not be called unless "
            + "'--script-security 2' or higher is enabled. See --help text or man page for detailed info.";

    private final int scriptSecurity;
    private final Map<TunnelEventType, ScriptCommand> commands;
    private final Path workingDirectory;
    private final Path tmpDir;
    private final List<String> startupWarnings;

    private ScriptHooks(int scriptSecurity, Map<TunnelEventType, ScriptCommand> commands, Path workingDirectory,
                        Path tmpDir, List<String> startupWarnings) {
        this.scriptSecurity = scriptSecurity;
        this.commands = Collections.unmodifiableMap(new EnumMap<>(commands));
        this.workingDirectory = workingDirectory;
        this.tmpDir = tmpDir;
        this.startupWarnings = List.copyOf(startupWarnings);
    }

    /** No scripts at all (listeners only), at the default level. */
    public static ScriptHooks none(Path workingDirectory) {
        return new ScriptHooks(DEFAULT_SCRIPT_SECURITY, new EnumMap<>(TunnelEventType.class), workingDirectory,
                defaultTmpDir(), List.of());
    }

    /**
     * Reads the script options of a parsed configuration.
     *
     * @throws ConfigException for a {@code script-security} out of 0..3, or a script whose program
     *     does not exist or may not be executed (OpenVPN refuses to start then, too)
     */
    public static ScriptHooks fromConfig(OpenVpnConfig config) throws ConfigException {
        int level = DEFAULT_SCRIPT_SECURITY;
        Optional<OptionLine> security = config.last("script-security");
        if (security.isPresent()) {
            level = level(security.get());
        }
        Path cwd = config.workingDirectory();
        Map<TunnelEventType, ScriptCommand> commands = new EnumMap<>(TunnelEventType.class);
        List<String> warnings = new ArrayList<>();
        for (TunnelEventType type : TunnelEventType.values()) {
            List<OptionLine> lines = config.all(type.option());
            if (lines.isEmpty()) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                // options.c set_user_script, once for every line after the first
                warnings.add("Multiple --" + type.option() + " scripts defined.  "
                        + "The previously configured script is overridden.");
            }
            for (OptionLine line : lines) {
                // OpenVPN checks each line as it reads it, so an overridden bad one still stops it.
                commands.put(type, ScriptCommand.parse(type, line, cwd));
            }
        }
        if (!commands.isEmpty()) {
            // init.c do_option_warnings
            warnings.add(level >= SCRIPTS_ALLOWED
                    ? "NOTE: the current --script-security setting may allow this configuration to call user-defined scripts"
                    : "NOTE: starting with OpenVPN 2.1, '--script-security 2' or higher is required to call user-defined scripts or executables");
        }
        Path tmp = defaultTmpDir();
        Optional<OptionLine> tmpLine = config.last("tmp-dir");
        if (tmpLine.isPresent()) {
            try {
                tmp = cwd.resolve(tmpLine.get().args().get(0));
            } catch (InvalidPathException e) {
                throw ConfigException.at(tmpLine.get(), "invalid directory name '" + tmpLine.get().args().get(0) + "'");
            }
        }
        return new ScriptHooks(level, commands, cwd, tmp, warnings);
    }

    private static int level(OptionLine line) throws ConfigException {
        try {
            int level = Integer.parseInt(line.args().get(0));
            if (level >= 0 && level <= 3) {
                return level;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.at(line, "must be 0, 1, 2 or 3");
    }

    /** options.c {@code init_options}: {@code $TMPDIR}, else {@code /tmp}. */
    private static Path defaultTmpDir() {
        String env = System.getenv("TMPDIR");
        return Path.of(env == null || env.isEmpty() ? "/tmp" : env);
    }

    /** {@code script-security}, 0..3. */
    public int scriptSecurity() {
        return scriptSecurity;
    }

    /** Whether user scripts may run at all. */
    public boolean scriptsAllowed() {
        return scriptSecurity >= SCRIPTS_ALLOWED;
    }

    /** The script configured for an event, if any. */
    public Optional<ScriptCommand> command(TunnelEventType type) {
        return Optional.ofNullable(commands.get(type));
    }

    /** Whether any script is configured. */
    public boolean any() {
        return !commands.isEmpty();
    }

    /** Where scripts run, and relative programs are found: the directory after the last {@code cd}. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Where client-connect's temporary files go ({@code tmp-dir}, else {@code $TMPDIR} or {@code /tmp}). */
    public Path tmpDir() {
        return tmpDir;
    }

    /**
     * What OpenVPN says about scripts at start, to log as warnings: overridden script options and
     * the note on {@code script-security}.
     */
    public List<String> startupWarnings() {
        return startupWarnings;
    }
}
