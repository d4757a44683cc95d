package io.sluice.config.internal;

import io.sluice.config.OptionLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The known option lines of a configuration with last-wins and all-of lookups. Lines kept only
 * because {@code ignore-unknown-option} or {@code setenv opt} tolerated them are left out: OpenVPN
 * ignores them too.
 */
final class Lines {

    private final List<OptionLine> lines;

    Lines(List<OptionLine> all) {
        List<OptionLine> known = new ArrayList<>();
        for (OptionLine l : all) {
            if (OptionTable.lookup(l.name()).filter(s -> s.status() != Status.REMOVED).isPresent()) {
                known.add(l);
            }
        }
        this.lines = List.copyOf(known);
    }

    List<OptionLine> list() {
        return lines;
    }

    Optional<OptionLine> last(String name) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).name().equals(name)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /** The last line of any of the names. */
    Optional<OptionLine> lastOf(String... names) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            for (String n : names) {
                if (lines.get(i).name().equals(n)) {
                    return Optional.of(lines.get(i));
                }
            }
        }
        return Optional.empty();
    }

    List<OptionLine> all(String name) {
        List<OptionLine> out = new ArrayList<>();
        for (OptionLine l : lines) {
            if (l.name().equals(name)) {
                out.add(l);
            }
        }
        return out;
    }

    boolean has(String name) {
        return last(name).isPresent();
    }

    Optional<String> arg(String name, int i) {
        return last(name).flatMap(l -> l.arg(i));
    }

    Optional<Integer> intArg(String name, int i) {
        return arg(name, i).map(Integer::parseInt);
    }

    int intArg(String name, int i, int dflt) {
        return intArg(name, i).orElse(dflt);
    }
}
