package io.sluice.core.tls;

import java.util.Optional;

/**
 * What becomes of OpenVPN's {@code dh} option.
 *
 * <p>Sluice negotiates only ECDHE (TLS 1.2) and TLS 1.3 key shares over elliptic-curve groups,
 * which is what {@code dh none} means and what every OpenVPN 2.4+ peer supports. A
 * {@code dh FILE} from an older configuration is therefore accepted and ignored: the file would
 * only matter for finite-field DHE suites, which Sluice does not offer (OpenSSL 3 peers prefer
 * ECDHE anyway). The file is not even read, so a missing or stale file cannot stop a server.
 */
public final class DhOption {

    private DhOption() {
    }

    /**
     * The note to log for {@code dh VALUE}, or empty when there is nothing to say
     * ({@code dh none}, or no {@code dh} at all).
     */
    public static Optional<String> note(String value) {
        if (value == null || value.isBlank() || value.trim().equals("none")) {
            return Optional.empty();
        }
        return Optional.of("dh " + value.trim() + " ignored: Sluice uses ECDHE key exchange only"
                + " (as with dh none); finite-field DH parameters are not needed");
    }
}
