package io.sluice.api.cert;

import java.util.Objects;

/**
 * A {@link CertificateChecker}'s verdict.
 *
 * @param accepted whether the chain passes this check
 * @param reason   why not (logged as OpenVPN logs {@code VERIFY ERROR}); empty when accepted
 */
public record CheckResult(boolean accepted, String reason) {

    public static final CheckResult ACCEPT = new CheckResult(true, "");

    public CheckResult {
        Objects.requireNonNull(reason, "reason");
        if (!accepted && reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }

    public static CheckResult reject(String reason) {
        return new CheckResult(false, reason);
    }
}
