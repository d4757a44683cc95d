package io.sluice.core.engine;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks the person running the instance for a value, as OpenVPN asks on its terminal for an
 * {@code auth-user-pass} without a file. Empty when nobody can be asked.
 */
@FunctionalInterface
public interface Prompt {

    /** Nobody to ask: a service, a test, a container without a terminal. */
    Prompt NONE = (question, echo) -> Optional.empty();

    /**
     * @param question what to show, e.g. {@code Enter Auth Username:}
     * @param echo     whether the answer may show as it is typed (not for passwords)
     */
    Optional<String> ask(String question, boolean echo);

    /**
     * The JVM's terminal; without one (input from a pipe), lines from standard input, the
     * question going to standard error, as OpenVPN falls back from /dev/tty to stdin. So
     * {@code printf 'alice\nsecret\n' | bin/sluice --config x.ovpn} answers both questions.
     */
    static Prompt console() {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return (question, echo) -> {
            Console console = System.console();
            if (console != null) {
                if (echo) {
                    return Optional.ofNullable(console.readLine("%s", question));
                }
                char[] answer = console.readPassword("%s", question);
                return answer == null ? Optional.empty() : Optional.of(new String(answer));
            }
            System.err.print(question);
            System.err.flush();
            try {
                return Optional.ofNullable(stdin.readLine());
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
