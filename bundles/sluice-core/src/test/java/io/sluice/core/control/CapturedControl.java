package io.sluice.core.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the captures under src/test/resources/io/sluice/core/control (see their headers). */
final class CapturedControl {

    static final String BASIC = "openvpn-2.6.14-udp-basic.txt";
    static final String CONTINUATION = "openvpn-2.6.14-udp-push-continuation.txt";
    static final String NO_SHARED_CIPHER = "openvpn-2.6.14-tcp-no-shared-cipher.txt";
    static final String MANAGEMENT = "openvpn-2.6.14-udp-management.txt";
    static final String P2P = "openvpn-2.6.14-udp-p2p.txt";
    static final List<String> MESSAGE_FILES = List.of(BASIC, CONTINUATION, NO_SHARED_CIPHER, MANAGEMENT, P2P);

    /** One TLS write or read: a whole control-channel message. */
    record Message(String file, int index, boolean fromClient, byte[] bytes) {

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.clone());
        }

        boolean isKeyMethod2() {
            return bytes.length > 5 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0 && bytes[4] == 2;
        }

        /** The text of a text message, without its NUL. */
        String text() {
            return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    private CapturedControl() {
    }

    static List<Message> load(String file) {
        List<Message> out = new ArrayList<>();
        for (String line : resource(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split(" ");
            byte[] bytes = HexFormat.of().parseHex(f[3]);
            if (bytes.length != Integer.parseInt(f[2])) {
                throw new IllegalStateException(file + ": length mismatch in " + line);
            }
            out.add(new Message(file, Integer.parseInt(f[0]), f[1].equals("c2s"), bytes));
        }
        return out;
    }

    static Message message(String file, int index) {
        return load(file).get(index - 1);
    }

    static List<Message> all() {
        List<Message> out = new ArrayList<>();
        MESSAGE_FILES.forEach(f -> out.addAll(load(f)));
        return out;
    }

    /** The "[name]" blocks of a block file, each a map of its "key: value" lines (keys may repeat: listed). */
    static Map<String, Map<String, List<String>>> blocks(String file) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : resource(file).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("[")) {
                current = new LinkedHashMap<>();
                out.put(line.substring(1, line.length() - 1), current);
                continue;
            }
            int colon = line.indexOf(": ");
            if (current == null) {
                current = new LinkedHashMap<>();
                out.put("", current);
            }
            current.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
        }
        return out;
    }

    static String resource(String file) {
        try (InputStream in = CapturedControl.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
