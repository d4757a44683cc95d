package io.sluice.core.keys;

import java.util.Objects;

/**
 * Data-channel keys from the TLS keying-material exporter, used when both peers support
 * {@code key-derivation tls-ekm} (OpenVPN 2.6 and later; ssl.c
 * {@code generate_key_expansion_tls_export}): the 256 exported bytes are the {@link Key2} block
 * as is, with the same layout and key directions as the PRF expansion.
 */
public final class ExportedKeyExpansion {

    /** ssl_backend.h {@code EXPORT_KEY_DATA_LABEL}. */
    public static final String DATA_KEYS_LABEL = "EXPORTER-OpenVPN-datakeys";

    private ExportedKeyExpansion() {
    }

    /** Asks {@code exporter} for {@link Key2#LENGTH} bytes under {@link #DATA_KEYS_LABEL}. */
    public static Key2 expand(KeyingMaterialExporter exporter) {
        Objects.requireNonNull(exporter, "exporter");
        byte[] block = new byte[Key2.LENGTH];
        exporter.export(DATA_KEYS_LABEL, block);
        return Key2.adopt(block);
    }
}
