package io.sluice.launcher.internal;

import io.sluice.config.OpenVpnConfig;
import io.sluice.config.OptionLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What OpenVPN shows at {@code --verb 4} and above: the parameters the instance runs with.
 * Sluice lists the options in the order they were read, each with where it came from, so an
 * admin sees how the command line merged over the files (a later single-valued option
 * overrides an earlier one). Inline blocks are never printed: they hold keys and passwords.
 */
final class SettingsListing {

    /** The verbosity at which OpenVPN lists its settings (its D_SHOW_PARMS). */
    static final int VERB = 4;

    private SettingsListing() {
    }

    static List<String> lines(OpenVpnConfig config) {
        List<String> out = new ArrayList<>();
        out.add("Current Parameter Settings:");
        for (OptionLine line : config.lines()) {
            StringBuilder sb = new StringBuilder("  ").append(line.name());
            for (String arg : line.args()) {
                sb.append(' ').append(quote(arg));
            }
            if (line.inline().isPresent()) {
                sb.append(" [[INLINE]]");
            }
            sb.append("   (").append(line.location()).append(')');
            out.add(sb.toString());
        }
        return out;
    }

    /** An argument as the configuration language would read it back. */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\'
                || c == '#' || c == ';' || c == '\'')) {
            return arg;
        }
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
