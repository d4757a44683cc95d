package io.sluice.config;

import io.sluice.config.internal.ConfigReader;
import io.sluice.config.internal.ConsistencyCheck;
import io.sluice.config.internal.ModelBuilder;
import io.sluice.config.internal.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OpenVPN 2.6 configurations into an {@link OpenVpnConfig}. Stateless; every call reads
 * afresh and never touches the network or the process's working directory.
 *
 * <p><b>Relative paths.</b> OpenVPN resolves relative paths against its process working directory,
 * not against the directory of the file that names them, and {@code cd DIR} changes that directory
 * while the configuration is being read. Sluice does the same without changing the JVM's
 * directory: {@code cwd} plays the part of the process directory; a {@code config} include is
 * opened relative to the directory in effect when it is read; every other path (keys, certificates,
 * status files, ...) is opened by OpenVPN only after all options are read, so it resolves against
 * the directory after the last {@code cd} ({@link OpenVpnConfig#workingDirectory()}).
 *
 * <p><b>Command line and merge rule.</b> {@link #parseCommandLine} reads argv as OpenVPN does: each
 * {@code --name} takes the following words up to the next word starting with {@code --};
 * {@code --config FILE} reads that file at that point; a lone argument without {@code --} is a
 * configuration file. All options, from argv and from files, are processed in that one order;
 * for a single-valued option the last occurrence wins (so {@code --config server.conf --port 1195}
 * overrides the file's port, while {@code --port 1195 --config server.conf} does not), and
 * multi-valued options ({@code remote}, {@code route}, {@code push}, ...) accumulate.
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    /** Parses a configuration file, as {@code openvpn --config file} run in {@code cwd} would. */
    public static OpenVpnConfig parseFile(Path file, Path cwd) throws ConfigException {
        return finish(ConfigReader.readFile(file, cwd));
    }

    /** Parses argv as {@code bin/sluice} receives it (without the program name). */
    public static OpenVpnConfig parseCommandLine(List<String> args, Path cwd) throws ConfigException {
        return finish(ConfigReader.readArgs(args, cwd));
    }

    /**
     * Parses configuration text held in memory (an imported profile); {@code name} stands for the
     * file name in messages.
     */
    public static OpenVpnConfig parseString(String text, String name, Path cwd) throws ConfigException {
        return finish(ConfigReader.readString(text, name, cwd));
    }

    private static OpenVpnConfig finish(ReadResult read) throws ConfigException {
        OpenVpnConfig config = ModelBuilder.build(read, true);
        List<String> extra = ConsistencyCheck.verify(config);
        if (extra.isEmpty()) {
            return config;
        }
        List<String> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(extra);
        return ModelBuilder.build(new ReadResult(read.lines(), read.connectionBlocks(), warnings,
                read.workingDirectory()), true);
    }
}
