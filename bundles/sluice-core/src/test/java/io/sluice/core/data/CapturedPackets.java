package io.sluice.core.data;

import io.sluice.core.keys.Vectors;
import java.util.ArrayList;
import java.util.List;

/** The wire packets of a vector file, in capture order. */
final class CapturedPackets {

    /** One UDP payload; {@code fromClient} is "c2s" (or, in static-key runs, sent by peer B). */
    record Packet(int index, boolean fromClient, byte[] bytes) {
    }

    private CapturedPackets() {
    }

    static List<Packet> of(Vectors v) {
        List<Packet> packets = new ArrayList<>();
        int n = v.integer("packets");
        for (int i = 0; i < n; i++) {
            packets.add(new Packet(i, v.string("packet." + i + ".direction").equals("c2s"),
                    v.bytes("packet." + i + ".hex")));
        }
        return packets;
    }
}
