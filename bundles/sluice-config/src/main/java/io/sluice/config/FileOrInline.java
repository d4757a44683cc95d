package io.sluice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of an option that names a file or carries it inline ({@code ca}, {@code cert},
 * {@code key}, {@code tls-auth}, ...): a path already resolved against the configuration's final
 * working directory, the text of an inline block, or "ask on the console" for options such as
 * {@code auth-user-pass} given without a file.
 *
 * <p>As OpenVPN prints it, an inline value shows as {@value #INLINE_MARKER}. A file argument
 * spelled {@value #INLINE_MARKER} (as some profile generators write, e.g.
 * {@code tls-auth [inline] 1}) refers to the option's inline block elsewhere in the file.
 */
public final class FileOrInline {

    /** How OpenVPN shows an inline value, and the marker some profiles use as a file name. */
    public static final String INLINE_MARKER = "[inline]";

    /** Where the content comes from. */
    public enum Kind { FILE, INLINE, CONSOLE }

    private final Kind kind;
    private final Path path;
    private final String text;

    private FileOrInline(Kind kind, Path path, String text) {
        this.kind = kind;
        this.path = path;
        this.text = text;
    }

    /** A file, resolved to an absolute normalised path. */
    public static FileOrInline file(Path resolved) {
        return new FileOrInline(Kind.FILE, resolved.toAbsolutePath().normalize(), null);
    }

    /** Inline text. */
    public static FileOrInline inline(String text) {
        return new FileOrInline(Kind.INLINE, null, Objects.requireNonNull(text));
    }

    /** Read interactively (OpenVPN's "stdin"), e.g. {@code auth-user-pass} without a file. */
    public static FileOrInline console() {
        return new FileOrInline(Kind.CONSOLE, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isInline() {
        return kind == Kind.INLINE;
    }

    /** The resolved file, if this is a file. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The inline text, if this is inline. */
    public Optional<String> inlineText() {
        return Optional.ofNullable(text);
    }

    /**
     * The content: the inline text, or the file read as UTF-8.
     *
     * @throws IOException if the file cannot be read, or the value is read from the console
     */
    public String read() throws IOException {
        return switch (kind) {
            case INLINE -> text;
            case FILE -> Files.readString(path, StandardCharsets.UTF_8);
            case CONSOLE -> throw new IOException("this value is entered on the console, not read from a file");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileOrInline other && kind == other.kind && Objects.equals(path, other.path)
                && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, text);
    }

    /** The path, {@value #INLINE_MARKER}, or {@code stdin}; never the inline text itself. */
    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> path.toString();
            case INLINE -> INLINE_MARKER;
            case CONSOLE -> "stdin";
        };
    }
}
