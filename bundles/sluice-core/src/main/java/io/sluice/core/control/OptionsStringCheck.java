package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a peer's options string with the one expected, as OpenVPN 2.6 does after reading
 * the key method 2 message (options.c {@code options_cmp_equal}, {@code options_warning}).
 *
 * <p>The outcome is informational: OpenVPN logs the differences and goes on (only the
 * deprecated {@code --opt-verify} turns a mismatch into an authentication failure). Strings
 * whose first two characters differ ({@code V4} against something else) count as equal, with
 * a note that the check may be skewed. Differences in {@code key-method}, {@code keydir},
 * {@code proto}, {@code tls-auth}, {@code tun-ipv6} and {@code cipher} are never reported
 * (2.6 considers them useless or negotiated).
 */
public final class OptionsStringCheck {

    /** OpenVPN's note when the versions differ (options.c). */
    public static final String VERSION_SKEW_NOTE = "NOTE: Options consistency check may be skewed by version differences";

    /**
     * The result.
     *
     * @param equal    what OpenVPN's {@code options_cmp_equal} answers
     * @param messages what OpenVPN logs, in its order and words
     */
    public record Result(boolean equal, List<String> messages) {
        public Result {
            messages = List.copyOf(messages);
        }
    }

    private OptionsStringCheck() {
    }

    /**
     * Compares the peer's string ({@code actual}) with the one this side expects
     * ({@link OptionsString#expectedRemote()}).
     */
    public static Result compare(String actual, String expected) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
        if (!prefix2(actual).equals(prefix2(expected))) {
            List<String> messages = new ArrayList<>();
            messages.add(VERSION_SKEW_NOTE);
            messages.addAll(warnings(actual, expected));
            return new Result(true, messages);
        }
        if (actual.equals(expected)) {
            return new Result(true, List.of());
        }
        return new Result(false, warnings(actual, expected));
    }

    private static String prefix2(String s) {
        return s.length() <= 2 ? s : s.substring(0, 2);
    }

    /**
     * OpenVPN's warnings for two strings (options.c {@code options_warning_safe_ml}): first each
     * local item against the peer's (inconsistent or missing), then each of the peer's against
     * the local ones (missing only). The leading version item is compared as {@code version V4}.
     */
    public static List<String> warnings(String actual, String expected) {
        List<String> local = items("version " + expected);
        List<String> remote = items("version " + actual);
        List<String> out = new ArrayList<>();
        scan(local, remote, true, "local", "remote", out);
        scan(remote, local, false, "remote", "local", out);
        return out;
    }

    private static void scan(List<String> from, List<String> against, boolean reportInconsistent,
                             String fromName, String againstName, List<String> out) {
        for (String p1 : from) {
            if (p1.startsWith("key-method ") || p1.startsWith("keydir ") || p1.startsWith("proto ")
                    || p1.equals("tls-auth") || p1.startsWith("tun-ipv6") || p1.startsWith("cipher ")) {
                continue;
            }
            String p1Name = firstWord(p1);
            String found = null;
            for (String p2 : against) {
                if (p1.equals(p2) || p1Name.equals(firstWord(p2))) {
                    found = p2;
                    break;
                }
            }
            if (found == null) {
                out.add("WARNING: '" + p1Name + "' is present in " + fromName + " config but missing in "
                        + againstName + " config, " + fromName + "='" + p1 + "'");
            } else if (!p1.equals(found) && reportInconsistent) {
                out.add("WARNING: '" + p1Name + "' is used inconsistently, " + fromName + "='" + p1 + "', "
                        + againstName + "='" + found + "'");
            }
        }
    }

    private static List<String> items(String s) {
        List<String> out = new ArrayList<>();
        for (String item : s.split(",", -1)) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    private static String firstWord(String item) {
        int space = item.indexOf(' ');
        return space < 0 ? item : item.substring(0, space);
    }

    /**
     * The value of option {@code name} in an options string (options.c
     * {@code options_string_extract_option}): the text after {@code "name "} up to the next
     * comma, in the first item that starts so and has a non-empty value.
     */
    public static Optional<String> extract(String options, String name) {
        int start = 0;
        while (start >= 0 && start <= options.length()) {
            int end = options.indexOf(',', start);
            String item = end < 0 ? options.substring(start) : options.substring(start, end);
            if (item.startsWith(name + " ") && item.length() > name.length() + 1) {
                return Optional.of(item.substring(name.length() + 1));
            }
            start = end < 0 ? -1 : end + 1;
        }
        return Optional.empty();
    }

    /**
     * The peer's cipher as a server learns it for clients that do not negotiate (ssl.c
     * {@code key_method_2_read}): its {@code cipher} item, with the OCC spelling
     * {@code [null-cipher]} read as {@code none}.
     */
    public static Optional<String> remoteCipher(String options) {
        return extract(options, "cipher").map(c -> c.equals("[null-cipher]") ? "none" : c);
    }

    /** Whether the peer announces compression ({@code ,comp-lzo,} anywhere, ssl.c). */
    public static boolean remoteUsesCompression(String options) {
        return options.contains(",comp-lzo,");
    }
}
