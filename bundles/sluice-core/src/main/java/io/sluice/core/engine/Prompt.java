package io.sluice.core.engine;

import java.io.Console;
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

    /** The JVM's terminal, if it has one. */
    static Prompt console() {
        return (question, echo) -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            if (echo) {
                return Optional.ofNullable(console.readLine("%s", question));
            }
            char[] answer = console.readPassword("%s", question);
            return answer == null ? Optional.empty() : Optional.of(new String(answer));
        };
    }
}
