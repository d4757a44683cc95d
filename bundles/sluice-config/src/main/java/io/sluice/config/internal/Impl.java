package io.sluice.config.internal;

/**
 * Whether Sluice implements an option yet. Each row of {@link OptionTable} starts with one of
 * these words, so implementing an option is a one-word change there.
 */
public enum Impl {
    /** Parsed and exported, but the engine does not act on it yet. */
    TODO,
    /** Sluice acts on this option. */
    DONE
}
