package io.sluice.core.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;

/**
 * Reads the certificates of {@code ca}, {@code cert} and {@code extra-certs}: one or more PEM
 * {@code CERTIFICATE} blocks (OpenSSL's {@code TRUSTED CERTIFICATE} too), with any text
 * between them ignored as OpenSSL ignores it.
 */
public final class PemCertificates {

    private PemCertificates() {
    }

    /** Every certificate in the file, in file order; at least one. */
    public static List<X509Certificate> read(Path file) throws PemException {
        return parse(file.toString(), readText(file));
    }

    /**
     * Every certificate in {@code pem}, in order; at least one.
     *
     * @param source what to call the text in messages (a file name, {@code [[INLINE]]})
     */
    public static List<X509Certificate> parse(String source, String pem) throws PemException {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory factory = x509Factory();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                byte[] der;
                if (o instanceof X509CertificateHolder holder) {
                    der = holder.getEncoded();
                } else if (o instanceof X509TrustedCertificateBlock trusted) {
                    der = trusted.getCertificateHolder().getEncoded();
                } else {
                    throw new PemException(source + ": expected certificates, found " + PemPrivateKeys.describe(o)
                            + " (block " + (out.size() + 1) + ")");
                }
                try {
                    out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    throw new PemException(source + ": certificate " + (out.size() + 1) + " is malformed: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new PemException(source + ": malformed PEM after " + out.size() + " certificate(s): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            // PEMParser surfaces some DER errors as unchecked exceptions.
            throw new PemException(source + ": malformed certificate " + (out.size() + 1) + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new PemException(source + ": no certificate found (expected -----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(out);
    }

    static String readText(Path file) throws PemException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new PemException(file + ": cannot read: " + e, e);
        }
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every JRE has an X.509 certificate factory", e);
        }
    }
}
