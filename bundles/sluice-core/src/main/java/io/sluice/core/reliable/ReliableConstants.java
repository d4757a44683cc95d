package io.sluice.core.reliable;

import java.util.concurrent.TimeUnit;

/**
 * The numbers of OpenVPN's reliability layer. File names are OpenVPN 2.6 sources; "draft"
 * is the OpenVPN Wire Protocol draft (openvpn-rfc).
 */
public final class ReliableConstants {

    private ReliableConstants() {
    }

    /**
     * Messages in flight: a new message may be sent only while its id is less than this many
     * past the oldest unacked one (ssl_pkt.h {@code TLS_RELIABLE_N_SEND_BUFFERS}, "also window
     * size for reliability layer"; reliable.c {@code reliable_get_buf_output_sequenced}).
     */
    public static final int SEND_WINDOW = 6;

    /**
     * Messages a receiver buffers: it accepts ids from the next expected one up to this many
     * past it and drops later ones unacked, so the sender retries them (ssl_pkt.h
     * {@code TLS_RELIABLE_N_REC_BUFFERS}; reliable.c {@code reliable_wont_break_sequentiality}).
     */
    public static final int RECEIVE_WINDOW = 12;

    /**
     * Ids awaiting an ack that a receiver remembers; one more is not recorded, and is acked
     * only when the sender retransmits it (reliable.h {@code RELIABLE_ACK_SIZE};
     * reliable.c {@code reliable_ack_acknowledge_packet_id}). Also the size of the list of
     * recently acked ids that every packet repeats, and the most acks a packet may carry.
     */
    public static final int ACK_TRACKER_SIZE = 8;

    /**
     * A message is resent early, before its timeout, once acks for this many later messages
     * arrived: it was most likely lost (reliable.h {@code N_ACK_RETRANSMIT}).
     */
    public static final int FAST_RETRANSMIT_ACKS = 3;

    /**
     * First retransmission timeout; it doubles at every send of the same message
     * ({@code --tls-timeout}, default 2 s in options.c, which init.c passes on as
     * {@code packet_timeout} to {@code reliable_set_timeout}; doubling in reliable.c
     * {@code reliable_send}).
     */
    public static final long INITIAL_RETRANSMIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Largest retransmission timeout. Sluice's choice, not OpenVPN's: OpenVPN doubles without
     * limit and relies on the handshake window ({@code --hand-window}, default 60 s) to give up.
     * Capping at half that window means a lost message is still retried at least once more
     * within any window that long, including the control messages sent after a handshake.
     */
    public static final long MAX_RETRANSMIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** {@link ReliableSender#nextWakeup} when nothing is waiting: no timer needed. */
    public static final long NEVER = Long.MAX_VALUE;
}
