package io.sluice.core.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The PUSH_REPLY messages for one client, split as OpenVPN 2.6 splits them (push.c
 * {@code send_push_reply}, {@code send_push_options}): the common options, then the client's
 * own ({@link ClientPushOptions}), appended to {@code PUSH_REPLY} with commas while the message
 * stays under {@value #SAFE_CAP} bytes; when the next option would reach that, the message is
 * closed with {@code push-continuation 2} and a new one begins. The last message of a split
 * reply ends with {@code push-continuation 1}. With nothing to push, a bare {@code PUSH_REPLY}
 * is sent, since the client waits for one.
 */
public final class PushReplyBuilder {

    /**
     * {@code PUSH_BUNDLE_SIZE} (1024) less the 84 bytes push.c keeps free "for possible trailing
     * ifconfig and push-continuation".
     */
    public static final int SAFE_CAP = ControlText.PUSH_BUNDLE_SIZE - 84;

    private static final int HEADER = "PUSH_REPLY".length();

    private PushReplyBuilder() {
    }

    /**
     * The messages to send, in order.
     *
     * @param common    the server's push list for this client (after ccd changes)
     * @param perClient the client's own options ({@link ClientPushOptions#options()})
     * @throws IllegalArgumentException if an option cannot fit one message (OpenVPN: "--push
     *                                  option is too long") or holds a comma; nothing is built then
     */
    public static List<ControlText.PushReply> build(List<String> common, List<String> perClient) {
        List<String> all = new ArrayList<>(common.size() + perClient.size());
        all.addAll(common);
        all.addAll(perClient);
        for (String o : all) {
            if (o.indexOf(',') >= 0) {
                throw new IllegalArgumentException("pushed option holds a comma: " + o);
            }
            if (HEADER + bytes(o) >= SAFE_CAP) {
                throw new IllegalArgumentException("--push option is too long: " + o);
            }
        }
        List<ControlText.PushReply> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = HEADER;
        for (String o : all) {
            int l = bytes(o);
            if (length + l >= SAFE_CAP) {
                current.add("push-continuation 2");
                out.add(new ControlText.PushReply(current));
                current = new ArrayList<>();
                length = HEADER;
            }
            current.add(o);
            length += 1 + l;
        }
        if (!out.isEmpty()) {
            current.add("push-continuation 1");
        }
        out.add(new ControlText.PushReply(current));
        return List.copyOf(out);
    }

    /** The short reply 2.6 sends to hand a client a renewed auth-token (push.c {@code send_push_reply_auth_token}). */
    public static ControlText.PushReply authToken(String token) {
        return new ControlText.PushReply(List.of("auth-token " + token));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
