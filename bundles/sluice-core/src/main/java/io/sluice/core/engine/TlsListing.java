package io.sluice.core.engine;

import io.sluice.core.tls.TlsCipherSuite;
import io.sluice.core.tls.TlsVersion;

/**
 * {@code --show-tls}: the TLS cipher suites Sluice's control channel offers, in preference
 * order, in the layout of OpenVPN's listing (ssl.c {@code show_available_tls_ciphers}): TLS 1.3
 * suites by their IANA names, TLS 1.2 suites by OpenVPN's {@code --tls-cipher} names.
 */
public final class TlsListing {

    private TlsListing() {
    }

    public static String text() {
        StringBuilder b = new StringBuilder("Available TLS Ciphers, listed in order of preference:\n\n");
        b.append("For TLS 1.3 and newer (--tls-ciphersuites):\n\n");
        for (TlsCipherSuite s : TlsCipherSuite.values()) {
            if (s.version() == TlsVersion.TLS_1_3) {
                b.append(s.ianaName()).append('\n');
            }
        }
        b.append("\nFor TLS 1.2 and older (--tls-cipher):\n\n");
        for (TlsCipherSuite s : TlsCipherSuite.values()) {
            if (s.version() != TlsVersion.TLS_1_3) {
                // OpenVPN writes the IANA name with dashes (ssl_openssl.c translates them back).
                b.append(s.ianaName().replace('_', '-')).append('\n');
            }
        }
        b.append("\nBe aware that whether a cipher suite in this list can actually work\n")
                .append("depends on the specific setup of both peers. See the man page entries of\n")
                .append("--tls-cipher and --show-tls for more details.\n");
        return b.toString();
    }
}
