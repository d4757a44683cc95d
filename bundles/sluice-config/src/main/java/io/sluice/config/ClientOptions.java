package io.sluice.config;

import java.util.List;
import java.util.Optional;

/** Client-side settings: credentials, retry policy and filters on pushed options. */
public record ClientOptions(Optional<FileOrInline> authUserPass, String authRetry, List<PullFilter> pullFilters,
                            boolean authNocache) {

    public ClientOptions {
        pullFilters = List.copyOf(pullFilters);
    }
}
