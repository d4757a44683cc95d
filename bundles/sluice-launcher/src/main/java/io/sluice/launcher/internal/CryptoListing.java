package io.sluice.launcher.internal;

import io.sluice.api.crypto.CipherMode;
import io.sluice.api.crypto.CipherProvider;
import io.sluice.api.crypto.CipherSpec;
import io.sluice.api.crypto.DigestProvider;
import io.sluice.api.crypto.DigestSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code --show-ciphers} and {@code --show-digests}: what the provider bundles installed now
 * offer, in the layout of OpenVPN's listings (crypto.c {@code show_available_ciphers} and
 * {@code show_available_digests}), so that a script reading one reads the other. Installing or
 * removing a provider bundle changes the lists.
 */
final class CryptoListing {

    private CryptoListing() {
    }

    static String ciphers(List<CipherProvider> providers) {
        TreeMap<String, CipherSpec> specs = new TreeMap<>();
        for (CipherProvider p : providers) {
            for (String name : p.ciphers()) {
                p.spec(name).ifPresent(s -> specs.putIfAbsent(name, s));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("The following ciphers and cipher modes are available for use\n")
                .append("with Sluice.  Each cipher shown below may be used as a\n")
                .append("parameter to the --data-ciphers (or --cipher) option. In static\n")
                .append("key mode only CBC mode is allowed.\n\n");
        List<String> small = new ArrayList<>();
        for (CipherSpec s : specs.values()) {
            String line = describe(s);
            if (s.blockSize() > 1 && s.blockSize() < 16) {
                small.add(line);
            } else {
                b.append(line).append('\n');
            }
        }
        if (!small.isEmpty()) {
            b.append("\nThe following ciphers have a block size of less than 128 bits,\n")
                    .append("and are therefore deprecated.  Do not use unless you have to.\n\n");
            small.forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    /** One cipher as OpenVPN prints it: {@code AES-256-GCM  (256 bit key, 128 bit block, TLS client/server mode only)}. */
    static String describe(CipherSpec s) {
        // The spec's block size is the data path's padding unit (1 for AEAD modes); OpenVPN
        // reports the underlying cipher's block, which for AES is 128 bits in every mode.
        int blockBits = s.name().startsWith("AES-") ? 128 : s.blockSize() * 8;
        String block = blockBits <= 8 ? "stream cipher" : blockBits + " bit block";
        String tlsOnly = s.mode() == CipherMode.CBC ? "" : ", TLS client/server mode only";
        return s.name() + "  (" + s.keyLength() * 8 + " bit key, " + block + tlsOnly + ")";
    }

    static String digests(List<DigestProvider> providers) {
        TreeMap<String, Optional<DigestSpec>> specs = new TreeMap<>();
        for (DigestProvider p : providers) {
            for (String name : p.digests()) {
                specs.putIfAbsent(name, p.spec(name));
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("The following message digests are available for use with\n")
                .append("Sluice.  A message digest is used in conjunction with\n")
                .append("the HMAC function, to authenticate received packets.\n")
                .append("You can specify a message digest as parameter to\n")
                .append("the --auth option.\n\n");
        specs.forEach((name, spec) -> spec.ifPresent(s -> b.append(name).append(' ').append(s.length() * 8)
                .append(" bit digest size\n")));
        return b.toString();
    }
}
