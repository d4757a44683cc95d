package io.sluice.config.internal;

import java.util.List;

/**
 * What OpenVPN 2.6 accepts for one option, and whether Sluice implements it.
 *
 * @param name the option name
 * @param impl whether Sluice implements it
 * @param minArgs the fewest arguments (when not inline)
 * @param maxArgs the most arguments (when not inline)
 * @param types per-position argument checks; the last one also applies to any further arguments
 * @param inline whether it may be given as an inline block
 * @param inlineOnly whether it must be given as an inline block ({@code <connection>})
 * @param connection whether it may appear inside a {@code <connection>} block
 * @param status how OpenVPN 2.6 treats it
 * @param note the deprecation/removal text, or {@code null}
 * @param check an extra check over all arguments, or {@code null}
 */
public record OptionSpec(String name, Impl impl, int minArgs, int maxArgs, List<ArgType> types,
                         boolean inline, boolean inlineOnly, boolean connection, Status status,
                         String note, LineCheck check) {

    public OptionSpec {
        types = List.copyOf(types);
    }

    /** The check for argument {@code i}, or {@code null} if none. */
    public ArgType typeOf(int i) {
        if (types.isEmpty()) {
            return null;
        }
        return types.get(Math.min(i, types.size() - 1));
    }

    /** Human text for the accepted argument count, e.g. "1 to 3 arguments". */
    public String arity() {
        if (minArgs == maxArgs) {
            return maxArgs == 0 ? "no arguments" : maxArgs + (maxArgs == 1 ? " argument" : " arguments");
        }
        return minArgs + " to " + maxArgs + " arguments";
    }
}
