package io.sluice.core.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's view of one push: collects the options of one or more PUSH_REPLY messages
 * (push.c {@code process_incoming_push_reply}, options.c {@code apply_push_options}).
 *
 * <p>For each option, in order: the {@link PullFilters} decide (ignore drops it, reject fails
 * the push); {@code push-continuation n} sets the continuation state, which persists from
 * message to message and starts at 0. After each message: 0 or 1 means the push is complete,
 * 2 means more follows, anything else is an error. A bare {@code PUSH_REPLY} completes the
 * push whatever the state. {@code push-continuation} lines are consumed, not returned.
 *
 * <p>Not thread-safe: one per pull. Start a new one for the next connection.
 */
public final class PushReplyAssembler {

    /** The state after a message. */
    public enum Status { INCOMPLETE, COMPLETE }

    /**
     * A finished push.
     *
     * @param options the accepted options, in order, as sent (not tokenized)
     * @param ignored the options a {@code pull-filter ignore} removed, for the log
     * @param messages how many PUSH_REPLY messages made it up
     */
    public record Pushed(List<String> options, List<String> ignored, int messages) {
        public Pushed {
            options = List.copyOf(options);
            ignored = List.copyOf(ignored);
        }

        /** The first accepted option named {@code name}, split into words. */
        public Optional<List<String>> first(String name) {
            for (String o : options) {
                Optional<List<String>> words = OptionLineTokenizer.tokenize(o);
                if (words.isPresent() && !words.get().isEmpty() && words.get().get(0).equals(name)) {
                    return words;
                }
            }
            return Optional.empty();
        }

        /**
         * The options that decide whether a reconnect got the same configuration (push.c
         * {@code push_update_digest}): all but {@code peer-id}, {@code auth-token} and
         * {@code auth-token-user}, which change on every connection, and {@code cipher} unless
         * the client set tun-mtu itself (only then can a cipher change its tun device).
         */
        public List<String> significant(boolean tunMtuConfigured) {
            List<String> out = new ArrayList<>();
            for (String o : options) {
                if (o.startsWith("peer-id ") || o.startsWith("auth-token ") || o.startsWith("auth-token-user ")
                        || (o.startsWith("cipher ") && !tunMtuConfigured)) {
                    continue;
                }
                out.add(o);
            }
            return out;
        }
    }

    private final PullFilters filters;
    private final ControlRejectCounters rejects;
    private final List<String> options = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private int continuation;
    private int messages;
    private boolean done;
    private ControlReject failed;

    public PushReplyAssembler(PullFilters filters, ControlRejectCounters rejects) {
        this.filters = Objects.requireNonNull(filters, "filters");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /**
     * Takes the next PUSH_REPLY. A rejected push stays rejected; messages after a complete
     * push are refused with {@link IllegalStateException}, since OpenVPN ends the pull there.
     */
    public Parsed<Status> accept(ControlText.PushReply reply) {
        if (done) {
            throw new IllegalStateException("the push is already complete");
        }
        if (failed != null) {
            return Parsed.rejected(failed);
        }
        messages++;
        if (reply.options().isEmpty()) {
            done = true;
            return Parsed.ok(Status.COMPLETE);
        }
        for (String option : reply.options()) {
            switch (filters.apply(option)) {
                case REJECT:
                    return fail(ControlReject.REJECTED_BY_PULL_FILTER);
                case IGNORE:
                    ignored.add(option);
                    continue;
                default:
                    break;
            }
            Optional<List<String>> words = OptionLineTokenizer.tokenize(option);
            if (words.isPresent() && words.get().size() == 2 && words.get().get(0).equals("push-continuation")) {
                // options.c: atoi(p[1]).
                continuation = PeerInfo.scanInt(words.get().get(1)).orElse(0);
                continue;
            }
            options.add(option);
        }
        switch (continuation) {
            case 0:
            case 1:
                done = true;
                return Parsed.ok(Status.COMPLETE);
            case 2:
                return Parsed.ok(Status.INCOMPLETE);
            default:
                return fail(ControlReject.BAD_PUSH_CONTINUATION);
        }
    }

    private Parsed<Status> fail(ControlReject reason) {
        failed = rejects.count(reason);
        return Parsed.rejected(reason);
    }

    /** Whether a complete push has been assembled. */
    public boolean isComplete() {
        return done;
    }

    /** The push, once {@link #isComplete()}. */
    public Pushed result() {
        if (!done) {
            throw new IllegalStateException("the push is not complete");
        }
        return new Pushed(options, ignored, messages);
    }
}
