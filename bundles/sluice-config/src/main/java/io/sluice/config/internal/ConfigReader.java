package io.sluice.config.internal;

import io.sluice.config.ConfigException;
import io.sluice.config.ConnectionBlock;
import io.sluice.config.OptionLine;
import io.sluice.config.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads configuration text into option lines the way OpenVPN 2.6 does, and checks each line against
 * {@link OptionTable}. One instance reads one configuration and is then discarded.
 *
 * <p>Limits, so that hostile input cannot exhaust memory or recurse forever:
 * <ul>
 *   <li>a line (outside inline blocks) must be shorter than {@value #LINE_SIZE} characters
 *       including its line break, OpenVPN's OPTION_LINE_SIZE;</li>
 *   <li>{@code config} may nest {@value #MAX_DEPTH} files deep, OpenVPN's limit, and a file that
 *       includes itself directly or indirectly is reported as an include loop;</li>
 *   <li>an inline block may hold at most {@value #MAX_INLINE_CHARS} characters, a file at most
 *       {@value #MAX_FILE_BYTES} bytes, and all files together at most {@value #MAX_TOTAL_BYTES}
 *       bytes.</li>
 * </ul>
 */
public final class ConfigReader {

    /** OpenVPN's OPTION_LINE_SIZE: longer lines are refused. */
    public static final int LINE_SIZE = 256;
    /** OpenVPN's maximum {@code config} nesting depth. */
    public static final int MAX_DEPTH = 10;
    /** Largest inline block. */
    public static final int MAX_INLINE_CHARS = 1 << 20;
    /** Largest configuration file. */
    public static final int MAX_FILE_BYTES = 4 << 20;
    /** Largest total of all files read for one configuration. */
    public static final long MAX_TOTAL_BYTES = 16L << 20;
    /** Largest single command-line argument. */
    public static final int MAX_ARG_CHARS = 64 << 10;

    private final List<OptionLine> lines = new ArrayList<>();
    private final List<ConnectionBlock> blocks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> ignoreUnknown = new HashSet<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private Path cwd;
    private long totalBytes;

    private ConfigReader(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    /** Reads a configuration file as {@code --config file} would. */
    public static ReadResult readFile(Path file, Path cwd) throws ConfigException {
        ConfigReader r = new ConfigReader(cwd);
        r.include(file.toString(), null, 0);
        return r.result();
    }

    /** Reads configuration text that came from somewhere other than a file (tests, imports). */
    public static ReadResult readString(String text, String name, Path cwd) throws ConfigException {
        ConfigReader r = new ConfigReader(cwd);
        r.readText(text, name, 1);
        return r.result();
    }

    /**
     * Reads argv as OpenVPN does: each {@code --name} takes the following words up to the next
     * word starting with {@code --}; a single argument without {@code --} is a configuration file.
     */
    public static ReadResult readArgs(List<String> args, Path cwd) throws ConfigException {
        ConfigReader r = new ConfigReader(cwd);
        if (args.size() == 1 && !args.get(0).startsWith("--")) {
            SourceLocation where = SourceLocation.onCommandLine(1);
            r.accept(OptionLine.of("config", List.of(args.get(0)), where), Context.TOP, 0);
            return r.result();
        }
        for (int i = 0; i < args.size(); ) {
            String word = args.get(i);
            SourceLocation where = SourceLocation.onCommandLine(i + 1);
            if (word.length() > MAX_ARG_CHARS) {
                throw ConfigException.atLocation(where, "argument " + (i + 1) + " is too long");
            }
            if (!word.startsWith("--")) {
                throw ConfigException.atLocation(where, "'" + word + "' is not an option: options start with '--'");
            }
            List<String> optionArgs = new ArrayList<>();
            int j = i + 1;
            while (j < args.size() && !args.get(j).startsWith("--") && optionArgs.size() < LineTokenizer.MAX_WORDS - 1) {
                if (args.get(j).length() > MAX_ARG_CHARS) {
                    throw ConfigException.atLocation(where, "argument " + (j + 1) + " is too long");
                }
                optionArgs.add(args.get(j));
                j++;
            }
            r.accept(OptionLine.of(word.substring(2), optionArgs, where), Context.TOP, 0);
            i = j;
        }
        return r.result();
    }

    private ReadResult result() {
        return new ReadResult(lines, blocks, warnings, cwd);
    }

    /** Where a line is being read. */
    private enum Context { TOP, CONNECTION }

    private void include(String name, SourceLocation from, int depth) throws ConfigException {
        if (depth + 1 > MAX_DEPTH) {
            throw failInclude(from, name, "maximum include depth (" + MAX_DEPTH + ") exceeded");
        }
        Path path;
        try {
            path = cwd.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw failInclude(from, name, "invalid file name '" + name + "'");
        }
        if (!Files.isRegularFile(path)) {
            throw failInclude(from, name, "cannot open configuration file '" + name + "': "
                    + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw failInclude(from, name, "cannot open configuration file '" + name + "'");
        }
        if (includeStack.contains(real)) {
            throw failInclude(from, name, "include loop: '" + name + "' is already being read");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw failInclude(from, name, "cannot read configuration file '" + name + "'");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw failInclude(from, name, "configuration file '" + name + "' is larger than " + MAX_FILE_BYTES + " bytes");
        }
        totalBytes += bytes.length;
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw failInclude(from, name, "the configuration and its includes exceed " + MAX_TOTAL_BYTES + " bytes");
        }
        includeStack.push(real);
        try {
            readText(decode(bytes), name, depth + 1);
        } finally {
            includeStack.pop();
        }
    }

    private static ConfigException failInclude(SourceLocation from, String name, String what) {
        return from == null ? ConfigException.forFile(name, what) : ConfigException.forOption(from, "config", what);
    }

    /** Decodes UTF-8, replacing malformed bytes rather than failing. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** Splits text into lines, each keeping its line break (the last one may have none). */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private void readText(String text, String file, int depth) throws ConfigException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // UTF-8 byte order mark
        }
        readLines(splitLines(text), 0, file, depth, Context.TOP, null);
    }

    /**
     * Reads option lines; {@code firstLine} is the file line number of {@code raw.get(0)} minus one.
     * Inner lines of a {@code <connection>} block are collected into {@code sink}.
     */
    private void readLines(List<String> raw, int firstLine, String file, int depth, Context ctx,
                           List<OptionLine> sink) throws ConfigException {
        for (int i = 0; i < raw.size(); i++) {
            int lineNo = firstLine + i + 1;
            SourceLocation where = SourceLocation.inFile(file, lineNo);
            String line = raw.get(i);
            boolean hasBreak = line.endsWith("\n");
            if (line.length() + (hasBreak ? 0 : 1) >= LINE_SIZE) {
                throw ConfigException.atLocation(where, "line is too long (OpenVPN's maximum is " + (LINE_SIZE - 1)
                        + " characters including the line break)");
            }
            List<String> words = LineTokenizer.tokenize(stripNul(line), where);
            if (words.isEmpty()) {
                continue;
            }
            String first = stripDoubleDash(words.get(0));
            if (words.size() == 1 && first.length() >= 2 && first.startsWith("<") && first.endsWith(">")) {
                String tag = first.substring(1, first.length() - 1);
                if (tag.startsWith("/")) {
                    throw ConfigException.atLocation(where, "closing tag <" + tag + "> without a matching <"
                            + tag.substring(1) + ">");
                }
                int close = findClose(raw, i + 1, "</" + tag + ">");
                if (close < 0) {
                    throw ConfigException.atLocation(where, "inline block <" + tag + "> is not terminated (missing </"
                            + tag + ">)");
                }
                StringBuilder content = new StringBuilder();
                for (int k = i + 1; k < close; k++) {
                    content.append(stripNul(raw.get(k)));
                    if (content.length() > MAX_INLINE_CHARS) {
                        throw ConfigException.atLocation(where, "inline block <" + tag + "> is larger than "
                                + MAX_INLINE_CHARS + " characters");
                    }
                }
                OptionLine opt = OptionLine.inlineBlock(tag, content.toString(), where);
                if (tag.equals("connection") && ctx == Context.TOP) {
                    List<OptionLine> inner = new ArrayList<>();
                    opt = checkLine(opt, ctx);
                    readLines(raw.subList(i + 1, close), lineNo, file, depth, Context.CONNECTION, inner);
                    if (inner.stream().noneMatch(o -> o.name().equals("remote"))) {
                        throw ConfigException.forOption(where, "connection",
                                "each <connection> block must contain a 'remote' option");
                    }
                    blocks.add(new ConnectionBlock(opt, inner));
                    lines.add(opt);
                } else if (ctx == Context.CONNECTION) {
                    sink.add(checkLine(opt, ctx));
                } else {
                    accept(opt, ctx, depth);
                }
                i = close;
                continue;
            }
            List<String> args = words.subList(1, words.size());
            OptionLine opt = OptionLine.of(first, args, where);
            if (ctx == Context.CONNECTION) {
                sink.add(checkLine(opt, ctx));
            } else {
                accept(opt, ctx, depth);
            }
        }
    }

    /** The index of the line closing an inline block, or -1; leading white space is allowed. */
    private static int findClose(List<String> raw, int from, String closeTag) {
        for (int k = from; k < raw.size(); k++) {
            String l = raw.get(k);
            int s = 0;
            while (s < l.length() && LineTokenizer.isSpace(l.charAt(s))) {
                s++;
            }
            if (l.startsWith(closeTag, s)) {
                return k;
            }
        }
        return -1;
    }

    /** C strings end at NUL: OpenVPN never sees what follows one on a line. */
    private static String stripNul(String line) {
        int nul = line.indexOf('\0');
        return nul < 0 ? line : line.substring(0, nul) + (line.endsWith("\n") ? "\n" : "");
    }

    private static String stripDoubleDash(String word) {
        return word.length() >= 3 && word.startsWith("--") ? word.substring(2) : word;
    }

    /** Checks a line and, at top level, records it and performs its side effects. */
    private void accept(OptionLine raw, Context ctx, int depth) throws ConfigException {
        OptionLine opt = checkLine(raw, ctx);
        acceptChecked(opt, ctx, depth);
        lines.add(opt);
        if (opt.name().equals("config") && !opt.setenvOpt()) {
            include(opt.args().get(0), opt.location(), depth);
        }
    }

    private void acceptChecked(OptionLine opt, Context ctx, int depth) throws ConfigException {
        switch (opt.name()) {
            case "cd" -> {
                String dir = opt.args().get(0);
                Path target;
                try {
                    target = cwd.resolve(dir).normalize();
                } catch (InvalidPathException e) {
                    throw ConfigException.at(opt, "invalid directory name '" + dir + "'");
                }
                if (!Files.isDirectory(target)) {
                    throw ConfigException.at(opt, "cannot change directory to '" + dir + "': no such directory");
                }
                cwd = target;
            }
            case "ignore-unknown-option" -> {
                for (String name : opt.args()) {
                    ignoreUnknown.add(name.startsWith("--") ? name.substring(2) : name);
                }
            }
            default -> {
                // nothing to do while reading
            }
        }
    }

    /**
     * Validates one line against the option table and returns it in final form ({@code setenv opt}
     * unwrapped). Unknown options covered by {@code setenv opt} or {@code ignore-unknown-option}
     * are kept, with a warning, so that an exported profile still carries them.
     */
    private OptionLine checkLine(OptionLine opt, Context ctx) throws ConfigException {
        if (opt.name().equals("setenv") && !opt.args().isEmpty() && opt.args().get(0).equals("opt")
                && !opt.isInline()) {
            if (opt.args().size() < 2) {
                throw ConfigException.at(opt, "'setenv opt' needs an option to follow it");
            }
            opt = new OptionLine(opt.args().get(1), opt.args().subList(2, opt.args().size()), opt.location(),
                    Optional.empty(), true);
        }
        Optional<OptionSpec> found = OptionTable.lookup(opt.name());
        boolean tolerated = opt.setenvOpt() || ignoreUnknown.contains(opt.name());
        if (found.isEmpty() || found.get().status() == Status.REMOVED) {
            String what = found.isEmpty() ? "unknown option" : found.get().note();
            if (tolerated) {
                warnings.add(ConfigException.at(opt, what + "; ignored ("
                        + (opt.setenvOpt() ? "setenv opt" : "ignore-unknown-option") + ")").getMessage());
                return opt;
            }
            throw ConfigException.at(opt, found.isEmpty() ? what + " (not an OpenVPN 2.6 option)" : what);
        }
        OptionSpec spec = found.get();
        if (ctx == Context.CONNECTION && !spec.connection()) {
            throw ConfigException.at(opt, "cannot be used inside a <connection> block");
        }
        if (opt.isInline() && !spec.inline()) {
            throw ConfigException.at(opt, "cannot be given as an inline block");
        }
        if (!opt.isInline() && spec.inlineOnly()) {
            throw ConfigException.at(opt, "must be given as an inline block <" + spec.name() + ">...</"
                    + spec.name() + ">");
        }
        if (opt.isInline()) {
            if (spec.name().equals("peer-fingerprint")) {
                String problem = spec.typeOf(0).problem(opt.inline().get());
                if (problem != null) {
                    throw ConfigException.at(opt, problem);
                }
            }
        } else {
            checkArgs(opt, spec);
        }
        if (spec.status() == Status.DEPRECATED || spec.status() == Status.IGNORED) {
            warnings.add(ConfigException.at(opt, (spec.status() == Status.DEPRECATED ? "deprecated: " : "")
                    + spec.note()).getMessage());
        }
        return opt;
    }

    static void checkArgs(OptionLine opt, OptionSpec spec) throws ConfigException {
        int n = opt.argCount();
        if (n < spec.minArgs() || n > spec.maxArgs()) {
            String hint = spec.name().equals("push") && n > 1 ? " (quote the pushed option: push \"...\")" : "";
            throw ConfigException.at(opt, "expects " + spec.arity() + ", got " + n + hint);
        }
        for (int k = 0; k < n; k++) {
            ArgType type = spec.typeOf(k);
            String problem = type == null ? null : type.problem(opt.args().get(k));
            if (problem != null) {
                throw ConfigException.at(opt, problem);
            }
        }
        if (spec.check() != null) {
            String problem = spec.check().problem(opt.args());
            if (problem != null) {
                throw ConfigException.at(opt, problem);
            }
        }
    }
}
