package io.sluice.core.control;

import java.util.List;
import java.util.Objects;

/**
 * A client's {@code pull-filter accept|ignore|reject text} rules, applied to each pushed option
 * as OpenVPN 2.6 applies them (options.c {@code apply_pull_filter}): leading white space of the
 * option is skipped, then the rules are tried in order and the first whose text is a prefix of
 * the option decides; an option no rule matches is accepted. {@code reject} ends the whole push
 * (OpenVPN restarts the connection: "Offending option received from server").
 *
 * <p>Immutable.
 */
public final class PullFilters {

    /** What a rule does. */
    public enum Action { ACCEPT, IGNORE, REJECT }

    /** One {@code pull-filter} line. */
    public record Rule(Action action, String text) {
        public Rule {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(text, "text");
        }

        /** A rule from the configuration's words, e.g. {@code ("ignore", "route")}. */
        public static Rule of(String action, String text) {
            return switch (action) {
                case "accept" -> new Rule(Action.ACCEPT, text);
                case "ignore" -> new Rule(Action.IGNORE, text);
                case "reject" -> new Rule(Action.REJECT, text);
                default -> throw new IllegalArgumentException("Unknown --pull-filter type: " + action);
            };
        }
    }

    /** No rules: everything is accepted. */
    public static final PullFilters NONE = new PullFilters(List.of());

    private final List<Rule> rules;

    public PullFilters(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** What happens to {@code option}. */
    public Action apply(String option) {
        int start = 0;
        while (start < option.length() && isSpace(option.charAt(start))) {
            start++;
        }
        String line = option.substring(start);
        for (Rule r : rules) {
            if (line.startsWith(r.text())) {
                return r.action();
            }
        }
        return Action.ACCEPT;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
