package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.OptionLine;
import io.sluice.config.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code client-config-dir} file into checked option lines: the same tokenizer
 * ({@link LineTokenizer}) and option table ({@link OptionTable}) as configuration files, with the
 * rules OpenVPN 2.6 applies to these files instead of the top-level ones.
 *
 * <p>OpenVPN reads a client's file with the permission mask {@code CLIENT_CONNECT_OPT_MASK}
 * (multi.h: {@code OPT_P_INSTANCE | OPT_P_INHERIT | OPT_P_PUSH | OPT_P_TIMER | OPT_P_CONFIG |
 * OPT_P_ECHO | OPT_P_COMP | OPT_P_SOCKFLAGS}); every option whose own permission in options.c
 * shares no bit with it is refused there ("cannot be used in this context"), and no option in
 * that set may be an inline block. The set, from OpenVPN 2.6's options.c:
 * <ul>
 *   <li>what Sluice acts on: {@value #SUPPORTED_TEXT};</li>
 *   <li>what OpenVPN allows but Sluice does not implement yet ({@link #UNSUPPORTED}), reported by
 *       name as the main configuration's unimplemented options are, and dropped with a warning
 *       when written as {@code setenv opt NAME ...};</li>
 *   <li>{@code config}: OpenVPN would read another file in its place; Sluice refuses it, so that
 *       one file per client is the whole truth about that client.</li>
 * </ul>
 *
 * <p>Stateless: {@link #read} is a pure function of its arguments.
 */
public final class CcdReader {

    static final String SUPPORTED_TEXT = "push, push-reset, push-remove, iroute, iroute-ipv6, ifconfig-push,"
            + " ifconfig-ipv6-push, disable";

    /** The options Sluice applies from a client-config-dir file. */
    public static final Set<String> SUPPORTED = Set.of("push", "push-reset", "push-remove", "iroute", "iroute-ipv6",
            "ifconfig-push", "ifconfig-ipv6-push", "disable");

    /** Allowed by OpenVPN 2.6 in a client-config-dir file, not implemented by Sluice yet. */
    public static final Set<String> UNSUPPORTED = Set.of(
            "echo", "parameter", "auth-token", "auth-token-user",      // OPT_P_ECHO
            "socket-flags", "bind-dev",                                 // OPT_P_SOCKFLAGS
            "inactive", "session-timeout", "ping", "ping-exit", "ping-restart", "ping-timer-rem", // OPT_P_TIMER
            "max-routes-per-client",                                    // OPT_P_INHERIT
            "comp-lzo", "comp-noadapt", "compress",                     // OPT_P_COMP
            "cipher", "data-ciphers", "ncp-ciphers", "data-ciphers-fallback", "vlan-pvid"); // OPT_P_INSTANCE

    private CcdReader() {
    }

    /** The option lines Sluice applies, in file order, and the warnings about what it dropped. */
    public record Lines(List<OptionLine> options, List<String> warnings) {
        public Lines {
            options = List.copyOf(options);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the file's text.
     *
     * @param fileName the file as messages name it, e.g. {@code ccd/alice}
     * @throws ConfigException for the first line OpenVPN would refuse or Sluice cannot apply, as
     *     {@code ccd/alice:3: option 'iroute': ...}
     */
    public static Lines read(String text, String fileName) throws ConfigException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // UTF-8 byte order mark
        }
        List<OptionLine> options = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> raw = ConfigReader.splitLines(text);
        for (int i = 0; i < raw.size(); i++) {
            SourceLocation where = SourceLocation.inFile(fileName, i + 1);
            String line = raw.get(i);
            boolean hasBreak = line.endsWith("\n");
            if (line.length() + (hasBreak ? 0 : 1) >= ConfigReader.LINE_SIZE) {
                throw ConfigException.atLocation(where, "line is too long (OpenVPN's maximum is "
                        + (ConfigReader.LINE_SIZE - 1) + " characters including the line break)");
            }
            List<String> words = LineTokenizer.tokenize(beforeNul(line), where);
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0);
            if (first.length() >= 3 && first.startsWith("--")) {
                first = first.substring(2);
            }
            if (words.size() == 1 && first.length() >= 2 && first.startsWith("<") && first.endsWith(">")) {
                String tag = first.substring(1, first.length() - 1);
                String name = tag.startsWith("/") ? tag.substring(1) : tag;
                checkKnownAndAllowed(OptionLine.of(name, List.of(), where));
                throw ConfigException.forOption(where, name, "cannot be given as an inline block");
            }
            OptionLine opt = OptionLine.of(first, words.subList(1, words.size()), where);
            if (opt.name().equals("setenv") && opt.argCount() >= 1 && opt.args().get(0).equals("opt")) {
                if (opt.argCount() < 2) {
                    throw ConfigException.at(opt, "'setenv opt' needs an option to follow it");
                }
                opt = new OptionLine(opt.args().get(1), opt.args().subList(2, opt.argCount()), where,
                        Optional.empty(), true);
            }
            Optional<OptionLine> kept = check(opt, warnings);
            kept.ifPresent(options::add);
        }
        return new Lines(options, warnings);
    }

    /** The line to apply, or empty when {@code setenv opt} tolerates dropping it. */
    private static Optional<OptionLine> check(OptionLine opt, List<String> warnings) throws ConfigException {
        Optional<OptionSpec> spec = OptionTable.lookup(opt.name());
        if (spec.isEmpty() || spec.get().status() == Status.REMOVED) {
            String what = spec.isEmpty() ? "unknown option" : spec.get().note();
            if (opt.setenvOpt()) {
                warnings.add(ConfigException.at(opt, what + "; ignored (setenv opt)").getMessage());
                return Optional.empty();
            }
            throw ConfigException.at(opt, spec.isEmpty() ? what + " (not an OpenVPN 2.6 option)" : what);
        }
        checkKnownAndAllowed(opt);
        ConfigReader.checkArgs(opt, spec.get());
        if (SUPPORTED.contains(opt.name())) {
            return Optional.of(opt);
        }
        if (opt.setenvOpt()) {
            warnings.add(ConfigException.at(opt, "not supported by Sluice yet in a client-config-dir file; ignored"
                    + " (setenv opt)").getMessage());
            return Optional.empty();
        }
        throw ConfigException.at(opt, "not supported by Sluice yet in a client-config-dir file (supported: "
                + SUPPORTED_TEXT + ")");
    }

    /** Refuses options OpenVPN does not allow in a client's file, and {@code config}. */
    private static void checkKnownAndAllowed(OptionLine opt) throws ConfigException {
        Optional<OptionSpec> spec = OptionTable.lookup(opt.name());
        if (spec.isEmpty() || spec.get().status() == Status.REMOVED) {
            throw ConfigException.at(opt, "unknown option (not an OpenVPN 2.6 option)");
        }
        if (opt.name().equals("config")) {
            throw ConfigException.at(opt, "not allowed in a client-config-dir file by Sluice: write the options"
                    + " of the included file here");
        }
        if (!SUPPORTED.contains(opt.name()) && !UNSUPPORTED.contains(opt.name())) {
            throw ConfigException.at(opt, "cannot be used in a client-config-dir file");
        }
    }

    /** C strings end at NUL: OpenVPN never sees what follows one on a line. */
    private static String beforeNul(String line) {
        int nul = line.indexOf('\0');
        return nul < 0 ? line : line.substring(0, nul);
    }
}
