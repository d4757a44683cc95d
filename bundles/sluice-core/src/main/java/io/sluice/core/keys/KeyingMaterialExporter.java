package io.sluice.core.keys;

/**
 * The seam to the TLS layer for {@code key-derivation tls-ekm}: RFC 5705 keying-material export
 * from the finished TLS session of one key state (OpenSSL's {@code SSL_export_keying_material}
 * as ssl_openssl.c calls it: the given label, <em>no</em> context value).
 *
 * <p>Implemented by the TLS layer for each handshake; {@link ExportedKeyExpansion} turns the
 * export into data-channel keys. The same seam serves OpenVPN's other exporter labels
 * (ssl_backend.h: {@code EXPORTER-OpenVPN-p2p-peerid}, {@code EXPORTER-OpenVPN-dynamic-tls-crypt}).
 */
@FunctionalInterface
public interface KeyingMaterialExporter {

    /**
     * Fills {@code out} with exported keying material.
     *
     * @param label the ASCII exporter label
     * @param out   receives {@code out.length} bytes
     * @throws IllegalStateException when the TLS session has not finished its handshake or cannot export
     */
    void export(String label, byte[] out);
}
