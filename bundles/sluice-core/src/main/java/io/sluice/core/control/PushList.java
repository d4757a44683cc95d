package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options a server pushes to every client, as a value one client's configuration
 * (client-config-dir, a connect script, an auth backend) can change with {@code push},
 * {@code push-reset} and {@code push-remove} (push.c {@code push_option}, {@code push_reset},
 * {@code push_remove_option}).
 *
 * <p>{@code push-remove} disables every option that starts with its argument (so
 * {@code push-remove route} also removes {@code route-gateway} and {@code route-ipv6}), except
 * that {@code push-remove ifconfig} and {@code push-remove ifconfig-ipv6} exactly stop the
 * per-client address from being pushed ({@link #ifconfigBlocked()}), as the address is not
 * part of the list.
 *
 * <p>Immutable: each change returns a new list.
 */
public final class PushList {

    /** An empty list. */
    public static final PushList EMPTY = new PushList(List.of(), false, false);

    private final List<String> options;
    private final boolean ifconfigBlocked;
    private final boolean ifconfigIpv6Blocked;

    private PushList(List<String> options, boolean ifconfigBlocked, boolean ifconfigIpv6Blocked) {
        this.options = List.copyOf(options);
        this.ifconfigBlocked = ifconfigBlocked;
        this.ifconfigIpv6Blocked = ifconfigIpv6Blocked;
    }

    /**
     * A list of the given options in order (for a configuration: the {@code push} lines, then
     * what the {@code server}/{@code keepalive} helpers push, as OpenVPN orders them).
     *
     * @throws IllegalArgumentException if an option holds a comma or a control character
     *                                  (OpenVPN refuses those: "illegal comma (',') in string")
     */
    public static PushList of(List<String> options) {
        options.forEach(PushList::check);
        return new PushList(options, false, false);
    }

    private static String check(String option) {
        Objects.requireNonNull(option, "option");
        if (option.indexOf(',') >= 0) {
            throw new IllegalArgumentException("PUSH OPTION FAILED (illegal comma (',') in string): '" + option + "'");
        }
        ControlText.checkPrintable(option);
        return option;
    }

    /** {@code push "option"}: appended. */
    public PushList with(String option) {
        List<String> next = new ArrayList<>(options);
        next.add(check(option));
        return new PushList(next, ifconfigBlocked, ifconfigIpv6Blocked);
    }

    /** {@code push-reset}: every option dropped (the address blocks stay as they were). */
    public PushList reset() {
        return new PushList(List.of(), ifconfigBlocked, ifconfigIpv6Blocked);
    }

    /** {@code push-remove text}. */
    public PushList remove(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.equals("ifconfig")) {
            return new PushList(options, true, ifconfigIpv6Blocked);
        }
        if (prefix.equals("ifconfig-ipv6")) {
            return new PushList(options, ifconfigBlocked, true);
        }
        List<String> next = new ArrayList<>(options.size());
        for (String o : options) {
            if (!o.startsWith(prefix)) {
                next.add(o);
            }
        }
        return new PushList(next, ifconfigBlocked, ifconfigIpv6Blocked);
    }

    /** The options to push, in order. */
    public List<String> options() {
        return options;
    }

    /** Whether the client's IPv4 {@code ifconfig} must not be pushed. */
    public boolean ifconfigBlocked() {
        return ifconfigBlocked;
    }

    /** Whether the client's {@code ifconfig-ipv6} must not be pushed. */
    public boolean ifconfigIpv6Blocked() {
        return ifconfigIpv6Blocked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushList p && options.equals(p.options) && ifconfigBlocked == p.ifconfigBlocked
                && ifconfigIpv6Blocked == p.ifconfigIpv6Blocked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, ifconfigBlocked, ifconfigIpv6Blocked);
    }

    @Override
    public String toString() {
        return "PushList" + options + (ifconfigBlocked ? " -ifconfig" : "") + (ifconfigIpv6Blocked ? " -ifconfig-ipv6" : "");
    }
}
