package io.sluice.core.events;

import io.sluice.api.event.TunnelEventType;
import io.sluice.config.ConfigException;
import io.sluice.config.OptionLine;
import io.sluice.core.control.OptionLineTokenizer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One script option ({@code up "/etc/openvpn/up.sh arg"}) as OpenVPN 2.6 runs it.
 *
 * <p>The option has one argument, already unquoted by the configuration parser; OpenVPN splits it
 * again with the same tokenizer (argv.c {@code argv_parse_cmd} calls options.c
 * {@code parse_line}), so quotes and backslashes inside the value still group words:
 * {@code up "'/opt/my scripts/up.sh' -v"} runs {@code /opt/my scripts/up.sh} with {@code -v}. A
 * value the tokenizer refuses, or one that is only a comment, is taken whole as the program.
 * {@code ipchange} is the exception that turns commas into blanks first (options.c). The first
 * word is the program, executed directly (no shell, no {@code PATH} search: OpenVPN calls
 * {@code execve}), relative to the working directory after {@code cd}; the others come before the
 * arguments OpenVPN appends.
 *
 * @param type    the event the script is for
 * @param words   the program as written, then its own arguments
 * @param program the program, resolved against the working directory
 * @param line    the option line, for messages
 */
public record ScriptCommand(TunnelEventType type, List<String> words, Path program, OptionLine line) {

    public ScriptCommand {
        Objects.requireNonNull(type, "type");
        words = List.copyOf(words);
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(line, "line");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command has at least its program");
        }
    }

    /**
     * Reads a script option and checks, as OpenVPN's {@code check_cmd_access} does at start, that
     * the program exists and may be executed.
     *
     * @throws ConfigException {@code file:line: option 'up': --up script fails with 'x': No such file or directory}
     */
    public static ScriptCommand parse(TunnelEventType type, OptionLine line, Path workingDirectory)
            throws ConfigException {
        String value = line.arg(0).orElseThrow(() -> ConfigException.at(line, "needs a command"));
        if (type == TunnelEventType.IPCHANGE) {
            value = value.replace(',', ' ');
        }
        List<String> words = split(value);
        String what = "--" + type.option() + " script";
        Path program;
        try {
            program = workingDirectory.resolve(words.get(0)).normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.at(line, what + " fails with '" + words.get(0) + "': invalid file name");
        }
        if (!Files.exists(program)) {
            throw ConfigException.at(line, what + " fails with '" + words.get(0) + "': No such file or directory");
        }
        if (!Files.isExecutable(program)) {
            throw ConfigException.at(line, what + " fails with '" + words.get(0) + "': Permission denied");
        }
        return new ScriptCommand(type, words, program, line);
    }

    /** argv.c {@code argv_parse_cmd}: the words, or the whole value when there are none. */
    static List<String> split(String value) {
        List<String> words = OptionLineTokenizer.tokenize(value).orElse(List.of());
        return words.isEmpty() ? List.of(value) : words;
    }

    /** The command line to run: the resolved program, its own arguments, then {@code appended}. */
    List<String> argv(List<String> appended) {
        List<String> argv = new ArrayList<>(words.size() + appended.size());
        argv.add(program.toString());
        argv.addAll(words.subList(1, words.size()));
        argv.addAll(appended);
        return argv;
    }

    /** The command line as OpenVPN logs it ({@code argv_msg}): the words as written, blank-separated. */
    String display(List<String> appended) {
        List<String> all = new ArrayList<>(words);
        all.addAll(appended);
        return String.join(" ", all);
    }
}
