package io.sluice.transport.tcp;

import java.nio.channels.SelectionKey;

/** What an {@link IoLoop} key is attached to: a listener, a connection, a connect in progress. */
interface IoHandler {

    /** The key's channel is ready for some of its interest set. On the loop's thread. */
    void ready(SelectionKey key);

    /** The loop is ending (the transport stops): release everything. On the loop's thread. */
    void loopStopped();
}
