package io.sluice.core.pushed;

/**
 * The permission classes of OpenVPN 2.6 options that matter to a client taking a push (options.h
 * {@code OPT_P_*}). Which classes a push may set is init.c {@code pull_permission_mask}: everything
 * below except {@link #ROUTE} and {@link #DHCPDNS} always, those two unless {@code route-nopull},
 * and never {@link #OTHER} (the general and server-side classes).
 */
enum OptionClass {
    UP, ROUTE, ROUTE_EXTRAS, DHCPDNS, TIMER, PUSH_MTU, EXPLICIT_NOTIFY, PERSIST, MESSAGES, SOCKBUF, SOCKFLAGS,
    SHAPER, SETENV, COMP, ECHO, PEER_ID, NCP, PULL_MODE,
    /** Options that OpenVPN 2.6 parses without any permission check, so a push may set them too. */
    UNCHECKED,
    /** Every other class: never taken from a push. */
    OTHER;

    /** Whether a push may set an option of this class. */
    boolean pullable(boolean routeNopull) {
        return switch (this) {
            case ROUTE, DHCPDNS -> !routeNopull;
            case OTHER -> false;
            default -> true;
        };
    }
}
