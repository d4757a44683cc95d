package io.sluice.config;

import java.util.List;
import java.util.Optional;

/**
 * The control channel: TLS role, the static keys that wrap or replace it, the key direction
 * ({@code key-direction}, or the second argument of {@code tls-auth}/{@code secret}, whichever
 * came last), TLS version bounds and peer verification.
 *
 * @param verifyX509Type {@code subject}, {@code name} or {@code name-prefix}
 */
public record ControlChannel(TlsRole role, Optional<FileOrInline> tlsAuth, Optional<FileOrInline> tlsCrypt,
                             Optional<FileOrInline> tlsCryptV2, Optional<FileOrInline> secret,
                             Optional<Integer> keyDirection, Optional<String> tlsVersionMin,
                             boolean tlsVersionMinOrHighest, Optional<String> tlsVersionMax,
                             Optional<String> remoteCertTls, Optional<String> verifyX509Name,
                             String verifyX509Type, List<String> peerFingerprints) {

    public ControlChannel {
        peerFingerprints = List.copyOf(peerFingerprints);
    }
}
