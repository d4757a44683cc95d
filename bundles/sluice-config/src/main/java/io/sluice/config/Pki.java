package io.sluice.config;

import java.util.Optional;

/**
 * Certificate material. {@code dh} is empty both when absent and for {@code dh none}
 * ({@link #dhNone()} tells them apart).
 */
public record Pki(Optional<FileOrInline> ca, Optional<FileOrInline> cert, Optional<FileOrInline> key,
                  Optional<FileOrInline> extraCerts, Optional<FileOrInline> dh, boolean dhNone,
                  Optional<FileOrInline> pkcs12, Optional<FileOrInline> crlVerify, boolean crlVerifyDir) {
}
