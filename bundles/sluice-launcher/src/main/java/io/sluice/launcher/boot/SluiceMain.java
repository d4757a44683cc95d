package io.sluice.launcher.boot;

import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.FileAccessCheck;
import io.sluice.config.OpenVpnConfig;
import io.sluice.config.SupportCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The main class of {@code bin/sluice}.
 *
 * <p>Exit status: 0 after a clean stop, 1 for usage and start-up failures, 2 for a
 * configuration error, which is reported as exactly one line on standard error.
 */
public final class SluiceMain {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_CONFIG_ERROR = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path cwd;
    private final VersionInfo version = new VersionInfo();

    SluiceMain(PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
    }

    public static void main(String[] args) {
        int status = new SluiceMain(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath())
                .run(args);
        System.exit(status);
    }

    int run(String[] args) {
        List<String> argv = normalise(args);
        if (argv.isEmpty()) {
            err.print(Usage.text(version));
            return EXIT_FAILURE;
        }
        if (argv.contains("--help")) {
            out.print(Usage.text(version));
            return EXIT_OK;
        }
        if (argv.contains("--version")) {
            out.print(version.versionText());
            return EXIT_OK;
        }
        Optional<String> pkiInit = pkiInit(argv);
        if (pkiInit.isPresent()) {
            argv = withoutPkiInit(argv);
            System.setProperty(Handover.PKI_INIT, pkiInit.get());
        }
        OpenVpnConfig config;
        try {
            config = check(argv, cwd, pkiInit.isPresent());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return EXIT_CONFIG_ERROR;
        }
        ConsoleLog log = new ConsoleLog(out);
        config.warnings().forEach(log::line);

        String home = System.getProperty("karaf.home");
        if (home == null) {
            err.println("karaf.home is not set: start Sluice through bin/sluice");
            return EXIT_FAILURE;
        }
        Path root = InstanceState.defaultRoot(env);
        InstanceState state;
        try {
            state = InstanceState.create(root, ProcessHandle.current().pid());
        } catch (IOException e) {
            err.println("cannot create the instance's state directory under " + root + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
        try (state) {
            return new KarafRunner(Path.of(home), err).run(state, argv, cwd);
        } catch (IOException e) {
            err.println("cannot remove the instance's state directory " + state.dir() + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    /**
     * {@code sluice FILE} means {@code sluice --config FILE}, as with {@code openvpn FILE}.
     */
    static List<String> normalise(String[] args) {
        if (args.length == 1 && !args[0].startsWith("--")) {
            return List.of("--config", args[0]);
        }
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        // OpenVPN 2.4's --genkey --secret FILE is 2.5's --genkey secret FILE.
        int g = argv.indexOf("--genkey");
        if (g >= 0 && g + 2 < argv.size() && argv.get(g + 1).equals("--secret")) {
            argv.set(g + 1, "secret");
        }
        return argv;
    }

    /**
     * Parses the command line and the files it names, checks Sluice implements every option and
     * then, as OpenVPN does only after reading every option, that the files it names are readable
     * (with {@code --pki-init}, that the PKI can be generated where they point instead).
     */
    static OpenVpnConfig check(List<String> argv, Path cwd, boolean pkiInit) throws ConfigException {
        OpenVpnConfig config = SupportCheck.check(ConfigParser.parseCommandLine(argv, cwd));
        if (pkiInit) {
            PkiLocation.directory(config);
        } else {
            FileAccessCheck.check(config);
        }
        return config;
    }

    /** The host of {@code --pki-init [HOST]}, if the option is given. */
    static Optional<String> pkiInit(List<String> argv) {
        int i = argv.indexOf(PkiLocation.OPTION);
        if (i < 0) {
            return Optional.empty();
        }
        boolean hostGiven = i + 1 < argv.size() && !argv.get(i + 1).startsWith("--");
        return Optional.of(hostGiven ? argv.get(i + 1) : PkiLocation.DEFAULT_HOST);
    }

    /** The arguments without {@code --pki-init [HOST]}, which is the launcher's, not OpenVPN's. */
    static List<String> withoutPkiInit(List<String> argv) {
        List<String> out = new ArrayList<>(argv);
        int i = out.indexOf(PkiLocation.OPTION);
        out.remove(i);
        if (i < out.size() && !out.get(i).startsWith("--")) {
            out.remove(i);
        }
        return out;
    }
}
