package io.sluice.core.wire;

/**
 * How large a control packet the codec accepts or produces. Explicit so that memory held per
 * session (the reliability layer keeps up to a window of payloads each way) is bounded by
 * configuration, not by what a peer chooses to send.
 *
 * @param maxPacketLength largest whole packet, protection included
 * @param maxPayloadLength largest message payload
 */
public record ControlLimits(int maxPacketLength, int maxPayloadLength) {

    /**
     * Room for the largest control packet OpenVPN 2.6 can be configured to send
     * ({@link WireConstants#TLS_MTU_MAX}) plus a tls-crypt-v2 wrapped client key
     * ({@link WireConstants#MAX_WRAPPED_CLIENT_KEY_LENGTH}); payloads up to the largest tls-mtu.
     */
    public static final ControlLimits DEFAULT = new ControlLimits(
            WireConstants.TLS_MTU_MAX + WireConstants.MAX_WRAPPED_CLIENT_KEY_LENGTH, WireConstants.TLS_MTU_MAX);

    public ControlLimits {
        if (maxPacketLength < WireConstants.CONTROL_HEADER_LENGTH + WireConstants.ackRecordLength(WireConstants.MAX_ACKS)) {
            throw new IllegalArgumentException("maxPacketLength too small for a full ack packet: " + maxPacketLength);
        }
        if (maxPayloadLength < 0 || maxPayloadLength > maxPacketLength) {
            throw new IllegalArgumentException("maxPayloadLength must be 0.." + maxPacketLength + ": " + maxPayloadLength);
        }
    }
}
