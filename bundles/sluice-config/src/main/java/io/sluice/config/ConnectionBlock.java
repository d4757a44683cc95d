package io.sluice.config;

import java.util.List;
import java.util.Objects;

/**
 * A {@code <connection>} block: the block's own line (whose inline text is the raw block) and the
 * options parsed from inside it, with their real file line numbers.
 *
 * @param line the {@code connection} option line
 * @param options the options inside the block, in order
 */
public record ConnectionBlock(OptionLine line, List<OptionLine> options) {

    public ConnectionBlock {
        Objects.requireNonNull(line, "line");
        options = List.copyOf(options);
    }
}
