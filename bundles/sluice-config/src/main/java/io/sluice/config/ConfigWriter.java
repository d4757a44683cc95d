package io.sluice.config;

import io.sluice.config.internal.ConfigReader;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes a configuration back as text OpenVPN reads, for profile export. Lines are written in
 * processing order, flattened: the contents of {@code config} includes and command-line options
 * appear in place and the {@code config} lines themselves are left out. Helpers are written as the
 * helper line ({@code server 10.8.0.0 255.255.255.0}), never as their expansion. Arguments are
 * quoted only where the tokenizer needs it, so {@code parse(write(c))} has the same typed model as
 * {@code c} when parsed in the same working directory.
 *
 * <p>With {@code inlineFiles}, the key and certificate files ({@code ca}, {@code cert},
 * {@code key}, {@code extra-certs}, {@code dh}, {@code pkcs12}, {@code crl-verify},
 * {@code tls-auth}, {@code tls-crypt}, {@code tls-crypt-v2}, {@code secret},
 * {@code auth-user-pass}, {@code http-proxy-user-pass}, {@code auth-gen-token-secret}) are
 * embedded as inline blocks; a key direction given as the file option's second argument is written
 * as a {@code key-direction} line right after the block, since inline blocks take no arguments.
 */
public final class ConfigWriter {

    private static final Set<String> INLINABLE = Set.of("ca", "cert", "key", "extra-certs", "dh", "pkcs12",
            "crl-verify", "tls-auth", "tls-crypt", "tls-crypt-v2", "secret", "auth-user-pass",
            "http-proxy-user-pass", "auth-gen-token-secret");

    private ConfigWriter() {
    }

    /**
     * The configuration as text.
     *
     * @throws ConfigException if a referenced file cannot be read for inlining, or a value cannot be
     *     represented in a configuration file (a line break in a command-line argument, a line longer
     *     than OpenVPN reads)
     */
    public static String write(OpenVpnConfig config, boolean inlineFiles) throws ConfigException {
        StringBuilder out = new StringBuilder();
        int blockIndex = 0;
        for (OptionLine line : config.lines()) {
            if (line.name().equals("config") && !line.setenvOpt()) {
                continue;
            }
            if (line.name().equals("connection") && line.isInline()) {
                ConnectionBlock block = config.connectionBlocks().get(blockIndex++);
                out.append("<connection>\n");
                for (OptionLine inner : block.options()) {
                    writeLine(out, inner, inlineFiles, config);
                }
                out.append("</connection>\n");
                continue;
            }
            writeLine(out, line, inlineFiles, config);
        }
        return out.toString();
    }

    private static void writeLine(StringBuilder out, OptionLine line, boolean inlineFiles, OpenVpnConfig config)
            throws ConfigException {
        if (line.isInline()) {
            block(out, line, line.name(), line.inline().get());
            return;
        }
        if (inlineFiles && INLINABLE.contains(line.name()) && !line.setenvOpt() && fileArgument(line)) {
            String arg = line.args().get(0);
            if (arg.equalsIgnoreCase(FileOrInline.INLINE_MARKER) || arg.equalsIgnoreCase("[[inline]]")) {
                if (line.argCount() == 2) {
                    plain(out, OptionLine.of("key-direction", List.of(line.args().get(1)), line.location()));
                }
                return; // the block itself is written where it appears
            }
            String content;
            try {
                content = FileOrInline.file(config.workingDirectory().resolve(arg)).read();
            } catch (IOException | RuntimeException e) {
                throw ConfigException.at(line, "cannot read '" + arg + "' to inline it");
            }
            block(out, line, line.name(), content);
            if ((line.name().equals("tls-auth") || line.name().equals("secret")) && line.argCount() == 2) {
                plain(out, OptionLine.of("key-direction", List.of(line.args().get(1)), line.location()));
            }
            return;
        }
        plain(out, line);
    }

    /** Whether the option's first argument names a file (rather than a keyword or nothing). */
    private static boolean fileArgument(OptionLine line) {
        if (line.args().isEmpty() || line.args().get(0).equals("stdin")) {
            return false;
        }
        if (line.name().equals("dh") && line.args().get(0).equals("none")) {
            return false;
        }
        return !(line.name().equals("crl-verify") && line.argCount() == 2);
    }

    private static void block(StringBuilder out, OptionLine line, String name, String content) throws ConfigException {
        String close = "</" + name + ">";
        for (String l : content.split("\n", -1)) {
            if (l.stripLeading().startsWith(close)) {
                throw ConfigException.at(line, "the content contains the closing tag " + close + " and cannot be inlined");
            }
        }
        out.append('<').append(name).append(">\n").append(content);
        if (!content.isEmpty() && !content.endsWith("\n")) {
            out.append('\n');
        }
        out.append(close).append('\n');
    }

    private static void plain(StringBuilder out, OptionLine line) throws ConfigException {
        StringBuilder text = new StringBuilder();
        if (line.setenvOpt()) {
            text.append("setenv opt ");
        }
        text.append(quote(line, line.name()));
        for (String arg : line.args()) {
            text.append(' ').append(quote(line, arg));
        }
        if (text.length() + 1 >= ConfigReader.LINE_SIZE) {
            throw ConfigException.at(line, "the option is too long to be written to a configuration file");
        }
        out.append(text).append('\n');
    }

    /** A word as the tokenizer will read it back. */
    static String quote(OptionLine line, String word) throws ConfigException {
        if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0 || word.indexOf('\0') >= 0) {
            throw ConfigException.at(line, "a value containing a line break cannot be written to a configuration file");
        }
        boolean plain = !word.isEmpty() && word.charAt(0) != '#' && word.charAt(0) != ';'
                && word.charAt(0) != '\'' && !(word.charAt(0) == '<' && word.endsWith(">"));
        for (int i = 0; plain && i < word.length(); i++) {
            char c = word.charAt(i);
            plain = c != '"' && c != '\\' && !isSpace(c);
        }
        if (plain) {
            return word;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000b' || c == '\f';
    }

    /** Convenience: {@link #write(OpenVpnConfig, boolean)} without inlining. */
    public static String write(OpenVpnConfig config) throws ConfigException {
        return write(config, false);
    }
}
