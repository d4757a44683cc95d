package io.sluice.core.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Loads the captured OpenVPN packets under src/test/resources/io/sluice/core/wire. */
final class Fixtures {

    static final String PLAIN = "openvpn-2.6.14-udp-plain.txt";
    static final String TLS_AUTH = "openvpn-2.6.14-udp-tls-auth.txt";
    static final String TLS_CRYPT_V2 = "openvpn-2.6.14-udp-tls-crypt-v2.txt";
    static final String RENEGOTIATION = "openvpn-2.6.14-udp-renegotiation.txt";

    /** One captured packet. */
    record Packet(String file, int index, boolean fromClient, Opcode opcode, int keyId, byte[] bytes) {

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.clone());
        }

        @Override
        public String toString() {
            return file + "#" + index + " " + opcode;
        }
    }

    private Fixtures() {
    }

    static List<Packet> load(String file) {
        String text = resource(file);
        List<Packet> packets = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            packets.add(new Packet(file, Integer.parseInt(f[0]), f[1].equals("c2s"), Opcode.valueOf(f[2]),
                    Integer.parseInt(f[3]), Hex.bytes(f[4])));
        }
        return packets;
    }

    static List<Packet> load(String file, Predicate<Packet> filter) {
        return load(file).stream().filter(filter).toList();
    }

    /** The packet at capture position {@code index}. */
    static Packet packet(String file, int index) {
        return load(file).stream().filter(p -> p.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no packet " + index));
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
