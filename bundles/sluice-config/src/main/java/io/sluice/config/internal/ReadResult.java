package io.sluice.config.internal;

import io.sluice.config.ConnectionBlock;
import io.sluice.config.OptionLine;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ConfigReader} produced: option lines in processing order, the parsed
 * {@code <connection>} blocks, warnings, and the working directory after the last {@code cd}.
 */
public record ReadResult(List<OptionLine> lines, List<ConnectionBlock> connectionBlocks, List<String> warnings,
                         Path workingDirectory) {

    public ReadResult {
        lines = List.copyOf(lines);
        connectionBlocks = List.copyOf(connectionBlocks);
        warnings = List.copyOf(warnings);
    }
}
