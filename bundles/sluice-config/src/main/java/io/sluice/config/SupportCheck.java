package io.sluice.config;

import io.sluice.config.internal.Impl;
import io.sluice.config.internal.ModelBuilder;
import io.sluice.config.internal.OptionSpec;
import io.sluice.config.internal.OptionTable;
import io.sluice.config.internal.ReadResult;
import io.sluice.config.internal.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether Sluice can run a parsed configuration, separately from parsing (which accepts
 * every option OpenVPN knows so that profiles can be imported, inspected and exported).
 *
 * <p>Every option in the table carries whether Sluice implements it. {@link #check} walks the lines
 * in processing order and refuses the first option Sluice does not implement yet, unless the user
 * asked OpenVPN to tolerate it: written as {@code setenv opt NAME ...}, or named by an earlier
 * {@code ignore-unknown-option}. Such options are dropped with a warning, never silently.
 */
public final class SupportCheck {

    private SupportCheck() {
    }

    /** Whether Sluice implements an option (false for options OpenVPN does not know either). */
    public static boolean isImplemented(String option) {
        return OptionTable.lookup(option).map(s -> s.impl() == Impl.DONE).orElse(false);
    }

    /**
     * The configuration the engine should run: {@code config} minus tolerated unimplemented options,
     * with a warning for each one dropped.
     *
     * @throws ConfigException {@code <file>:<line>: option '<name>': not supported by Sluice yet} for
     *     the first unimplemented option that is not tolerated
     */
    public static OpenVpnConfig check(OpenVpnConfig config) throws ConfigException {
        Set<String> ignorable = new HashSet<>();
        List<OptionLine> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>(config.warnings());
        for (OptionLine line : config.lines()) {
            if (line.name().equals("ignore-unknown-option")) {
                for (String n : line.args()) {
                    ignorable.add(n.startsWith("--") ? n.substring(2) : n);
                }
            }
            Optional<OptionSpec> spec = OptionTable.lookup(line.name());
            if (spec.isEmpty() || spec.get().status() == Status.REMOVED) {
                kept.add(line); // unknown to OpenVPN as well: the parser already warned and OpenVPN ignores it
                continue;
            }
            if (spec.get().impl() == Impl.DONE) {
                if (line.name().equals("plugin")) {
                    checkPlugin(config, line);
                }
                if (line.name().equals("connection")) {
                    checkBlock(config, line, ignorable, warnings);
                }
                kept.add(line);
                continue;
            }
            if (line.setenvOpt() || ignorable.contains(line.name())) {
                warnings.add(ConfigException.at(line, "not supported by Sluice yet; ignored ("
                        + (line.setenvOpt() ? "setenv opt" : "ignore-unknown-option") + ")").getMessage());
                continue;
            }
            throw ConfigException.at(line, "not supported by Sluice yet");
        }
        List<ConnectionBlock> blocks = new ArrayList<>();
        for (ConnectionBlock b : config.connectionBlocks()) {
            if (kept.contains(b.line())) {
                blocks.add(b);
            }
        }
        return ModelBuilder.build(new ReadResult(kept, blocks, warnings, config.workingDirectory()), false);
    }

    /**
     * {@code plugin NAME [args]} names an authentication backend, a {@code UserAuthenticator}
     * service registered with {@code sluice.auth=NAME}; OpenVPN's native plugins (shared
     * libraries) cannot run in a JVM.
     */
    private static void checkPlugin(OpenVpnConfig config, OptionLine line) throws ConfigException {
        String module = line.args().get(0);
        if (module.contains("/") || module.endsWith(".so") || module.endsWith(".dll")) {
            throw ConfigException.at(line, "native OpenVPN plugins cannot be loaded by Sluice; name an authentication"
                    + " backend instead (the sluice.auth property of a UserAuthenticator service)");
        }
        if (config.mode() != Mode.SERVER) {
            throw ConfigException.at(line, "authentication backends are consulted by a server only");
        }
    }

    private static void checkBlock(OpenVpnConfig config, OptionLine line, Set<String> ignorable, List<String> warnings)
            throws ConfigException {
        for (ConnectionBlock b : config.connectionBlocks()) {
            if (b.line().equals(line)) {
                for (OptionLine inner : b.options()) {
                    if (!isImplemented(inner.name()) && !ignorable.contains(inner.name())) {
                        throw ConfigException.at(inner, "not supported by Sluice yet");
                    }
                    if (inner.name().equals("tls-auth") || inner.name().equals("tls-crypt")) {
                        // One protection for all remotes so far: say so rather than ignore the block's key.
                        throw ConfigException.at(inner, "not supported inside <connection> by Sluice yet;"
                                + " give it outside the blocks");
                    }
                }
            }
        }
    }
}
