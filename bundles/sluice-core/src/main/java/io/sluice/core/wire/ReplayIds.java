package io.sluice.core.wire;

import io.sluice.core.data.DecryptStatus;
import io.sluice.core.data.PacketIdSender;
import io.sluice.core.data.ReplayWindow;
import java.nio.ByteBuffer;

/**
 * One session's long-form replay packet ids in {@code tls-auth} and {@code tls-crypt}: the
 * counter it sends and the window it receives with (see {@link ControlReplay}). On the wire,
 * big-endian: id (4 bytes) then time (4 bytes), packet_id.c {@code packet_id_write} with
 * {@code long_form}.
 *
 * <p>Not thread-safe; belongs to one wrapper.
 */
final class ReplayIds {

    /** Bytes of a long-form packet id: id and time (packet_id.h {@code packet_id_size(true)}). */
    static final int LENGTH = 8;

    private final PacketIdSender sender;
    private final ReplayWindow window;

    ReplayIds(ControlReplay replay) {
        this.sender = replay.newSender();
        this.window = replay.newWindow();
    }

    /** Sending from {@code firstId} instead of 1 (tls-crypt-v2 clients announcing early negotiation). */
    ReplayIds(ControlReplay replay, long firstId) {
        this.sender = replay.newSender(firstId);
        this.window = replay.newWindow();
    }

    /**
     * Writes the next id and the time at absolute {@code index}.
     *
     * @throws IllegalStateException after 2^32 - 1 packets within one second of wall-clock
     *                               time, where OpenVPN drops the packet ("packet ID roll over")
     */
    void writeNext(ByteBuffer out, int index) {
        long id = sender.next();
        if (id == PacketIdSender.EXHAUSTED) {
            throw new IllegalStateException("control channel replay packet id roll over");
        }
        out.putInt(index, (int) id);
        out.putInt(index + 4, (int) sender.time());
    }

    /** Uses up {@code count} ids without writing them. */
    void skip(int count) {
        for (int i = 0; i < count; i++) {
            sender.next();
        }
    }

    /**
     * Whether the id and time at absolute {@code index} are fresh; if so, records them. Called
     * only once the packet proved authentic, as crypto.c {@code crypto_check_replay} is.
     */
    boolean accept(ByteBuffer in, int index) {
        long id = Integer.toUnsignedLong(in.getInt(index));
        long time = Integer.toUnsignedLong(in.getInt(index + 4));
        if (window.test(id, time) != DecryptStatus.OK) {
            return false;
        }
        window.add(id, time);
        return true;
    }
}
