package io.sluice.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option exactly as it was read: its name (without a leading {@code --}), its arguments after
 * quote and escape processing, where it came from, and the text of its inline block if it was
 * written as {@code <name>...</name>}.
 *
 * <p>Options written as {@code setenv opt NAME ARGS} are recorded under {@code NAME} with
 * {@link #setenvOpt()} set, because OpenVPN applies them as option {@code NAME}; the writer puts
 * the prefix back.
 *
 * @param name the option name, e.g. {@code remote}
 * @param args the arguments; empty for an inline block
 * @param location where the option was written
 * @param inline the block's text (every line with its line break) if the option was inline
 * @param setenvOpt whether the option was written behind {@code setenv opt}
 */
public record OptionLine(String name, List<String> args, SourceLocation location,
                         Optional<String> inline, boolean setenvOpt) {

    public OptionLine {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(inline, "inline");
    }

    /** A plain option line with arguments. */
    public static OptionLine of(String name, List<String> args, SourceLocation location) {
        return new OptionLine(name, args, location, Optional.empty(), false);
    }

    /** An option written as an inline block. */
    public static OptionLine inlineBlock(String name, String content, SourceLocation location) {
        return new OptionLine(name, List.of(), location, Optional.of(content), false);
    }

    /** Whether the option was written as an inline block. */
    public boolean isInline() {
        return inline.isPresent();
    }

    /** The number of arguments. */
    public int argCount() {
        return args.size();
    }

    /** Never shows an inline block's text: it may hold a private key or a password. */
    @Override
    public String toString() {
        return "OptionLine[" + name + " " + args + (isInline() ? " [[INLINE]]" : "") + (setenvOpt ? " (setenv opt)" : "")
                + " at " + location + "]";
    }

    /** Argument {@code i} (0-based), or empty if there are not that many. */
    public Optional<String> arg(int i) {
        return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
    }
}
