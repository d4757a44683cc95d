package io.sluice.config;

/**
 * Ping settings after {@code keepalive} expansion: on a server {@code keepalive n m} means
 * ping n, ping-restart 2m (and pushes ping n, ping-restart m); elsewhere ping n, ping-restart m.
 * Zero means "not set".
 */
public record Liveness(int ping, int pingRestart, int pingExit, boolean pingTimerRem, int explicitExitNotify) {
}
