package io.sluice.core.pool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the {@code ifconfig-pool-persist} file line by line without trusting it: a line is
 * capped at {@value #MAX_LINE_BYTES} bytes, so a damaged or hostile file costs bounded memory
 * however long its lines; names are UTF-8, with malformed bytes replaced rather than fatal.
 * Carriage returns are dropped wherever they are, as status.c {@code status_read} does.
 */
final class PersistFileReader {

    /**
     * Longest line kept. OpenVPN's own line buffer is 256 bytes (pool.c {@code ifconfig_pool_read})
     * and it silently truncates longer lines; a longer cap loses nothing OpenVPN could have kept.
     */
    static final int MAX_LINE_BYTES = 1024;

    /** Receives each line: its number from 1, and its text, or null if it was too long. */
    @FunctionalInterface
    interface LineSink {
        void line(int number, String text);
    }

    private PersistFileReader() {
    }

    /**
     * Feeds every line of {@code file} to {@code sink}.
     *
     * @return false if the file does not exist
     * @throws IOException if it exists but cannot be read
     */
    static boolean read(Path file, LineSink sink) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (InputStream input = new BufferedInputStream(in)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int number = 0;
            int c;
            while ((c = input.read()) >= 0) {
                if (c == '\n') {
                    sink.line(++number, tooLong ? null : line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    tooLong = false;
                } else if (c != '\r' && !tooLong) {
                    if (line.size() == MAX_LINE_BYTES) {
                        tooLong = true;
                    } else {
                        line.write(c);
                    }
                }
            }
            if (line.size() > 0 || tooLong) {
                sink.line(++number, tooLong ? null : line.toString(StandardCharsets.UTF_8));
            }
        }
        return true;
    }
}
