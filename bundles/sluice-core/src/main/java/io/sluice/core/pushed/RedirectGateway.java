package io.sluice.core.pushed;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code redirect-gateway} or {@code redirect-private} line. Lines combine in order
 * ({@link RedirectState}): a configured line and a pushed one both count.
 *
 * @param privateOnly {@code redirect-private}: the same flags, but the default route stays
 * @param flags       the flags of the line
 */
public record RedirectGateway(boolean privateOnly, Set<RedirectFlag> flags) {

    public RedirectGateway {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** The option's name as written. */
    public String optionName() {
        return privateOnly ? "redirect-private" : "redirect-gateway";
    }

    public boolean has(RedirectFlag flag) {
        return flags.contains(Objects.requireNonNull(flag, "flag"));
    }
}
