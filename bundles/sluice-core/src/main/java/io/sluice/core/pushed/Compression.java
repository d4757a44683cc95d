package io.sluice.core.pushed;

import java.util.Objects;
import java.util.Optional;

/**
 * A pushed {@code compress [alg]}, {@code comp-lzo [mode]} or {@code comp-noadapt}, kept as written:
 * whether the client may accept it depends on its {@code allow-compression}, which OpenVPN checks
 * after the push (init.c {@code do_deferred_options}, "server pushed compression settings that are
 * not allowed").
 */
public record Compression(String option, Optional<String> argument) {

    public Compression {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(argument, "argument");
    }

    /**
     * Whether this only asks for the compression framing without compressing anything
     * ({@code compress}, {@code compress stub}, {@code compress stub-v2}, {@code comp-lzo no}), which
     * OpenVPN 2.6 accepts even with {@code allow-compression no}.
     */
    public boolean framingOnly() {
        if (option.equals("compress")) {
            return argument.isEmpty() || argument.get().equals("stub") || argument.get().equals("stub-v2");
        }
        return option.equals("comp-lzo") && argument.filter("no"::equals).isPresent();
    }
}
