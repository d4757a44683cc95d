package io.sluice.core.log;

/**
 * The verbosity levels messages are written at, as OpenVPN's errlevel.h assigns them, so that
 * {@code --verb N} shows in Sluice what it shows in OpenVPN.
 */
public final class Verb {

    /** Fatal errors and what is always shown (verb 0 shows only these). */
    public static final int FATAL = 0;
    /** Normal operation and non-fatal errors: {@code M_INFO}, {@code D_TLS_ERRORS}, {@code D_LINK_ERRORS}. */
    public static final int INFO = 1;
    /** Handshake summaries: {@code D_HANDSHAKE} ("Control Channel: TLSv1.3 ..."), {@code D_CLOSE}. */
    public static final int HANDSHAKE = 2;
    /** Multi-client events: {@code D_MULTI_LOW}-ish detail, pushed options, learned addresses. */
    public static final int MULTI = 3;
    /** The parameter listing and per-packet-type details: {@code D_SHOW_PARMS}. */
    public static final int PARAMETERS = 4;
    /** Read/write markers and packet-level debugging: {@code D_PACKET_*}. */
    public static final int PACKETS = 5;
    /** Debugging detail: {@code D_MULTI_DEBUG}, {@code D_TLS_STATE_ERRORS} (M_DEBUG messages). */
    public static final int DEBUG = 7;
    /** The most OpenVPN accepts. */
    public static final int MAX = 11;

    private Verb() {
    }
}
