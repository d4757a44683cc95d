package io.sluice.core.pushed;

import java.util.Objects;

/**
 * {@code setenv-safe name [value]}: an environment variable for scripts, which OpenVPN names
 * {@code OPENVPN_name} so a server cannot set {@code PATH} or the like (env_set.c {@code setenv_str_safe}).
 */
public record SetenvSafe(String name, String value) {

    /** The prefix OpenVPN puts before the pushed name. */
    public static final String PREFIX = "OPENVPN_";

    public SetenvSafe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The variable's name as scripts see it. */
    public String variableName() {
        return PREFIX + name;
    }
}
