package io.sluice.core.pushed;

import java.util.OptionalInt;

/**
 * A client's retry settings (options.c {@code connect-retry n [max]}, {@code connect-retry-max n};
 * init.c {@code socket_restart_pause}).
 *
 * @param seconds         {@code connect-retry n}: the pause between attempts; OpenVPN's default is 1
 *                        and it cuts larger values to 65535 so that doubling cannot overflow
 * @param maxSeconds      {@code connect-retry n max}: the longest pause once it grows; default 300,
 *                        and never below {@code seconds} when given
 * @param maxRounds       {@code connect-retry-max n}: give up after n unsuccessful attempts at every
 *                        remote; 0 never gives up
 * @param backoff         whether pauses grow: OpenVPN doubles them for TCP clients and UDP TLS
 *                        clients, so for every Sluice client; not for static-key peer-to-peer
 * @param authNoInteract  {@code auth-retry nointeract}: the base pause is then 10 seconds
 */
public record ConnectRetry(int seconds, int maxSeconds, int maxRounds, boolean backoff, boolean authNoInteract) {

    /** options.c: {@code connect_retry_seconds} unless configured. */
    public static final int DEFAULT_SECONDS = 1;
    /** options.c: {@code connect_retry_seconds_max} unless configured. */
    public static final int DEFAULT_MAX_SECONDS = 300;
    /** options.c: the largest base pause, so that a 15-bit shift still fits an int. */
    public static final int MAX_BASE_SECONDS = 0xFFFF;
    /** init.c: the pause with {@code auth-retry nointeract}. */
    public static final int NOINTERACT_SECONDS = 10;

    /** OpenVPN's defaults: 1 second, growing to 300, retrying for ever. */
    public static final ConnectRetry DEFAULT = new ConnectRetry(DEFAULT_SECONDS, DEFAULT_MAX_SECONDS, 0, true, false);

    public ConnectRetry {
        if (seconds < 0 || seconds > MAX_BASE_SECONDS) {
            throw new IllegalArgumentException("connect-retry seconds must be 0..65535: " + seconds);
        }
        if (maxSeconds < 0 || maxRounds < 0) {
            throw new IllegalArgumentException("connect-retry values must be >= 0");
        }
    }

    /**
     * The settings as {@code connect-retry seconds [max]} and {@code connect-retry-max rounds} write
     * them, read as OpenVPN reads them: negative numbers are 0, the base is cut to 65535, and a
     * given maximum is raised to the base.
     */
    public static ConnectRetry of(int seconds, OptionalInt max, int maxRounds) {
        int base = Math.min(Math.max(seconds, 0), MAX_BASE_SECONDS);
        int cap = max.isPresent() ? Math.max(Math.max(max.getAsInt(), 0), base) : DEFAULT_MAX_SECONDS;
        return new ConnectRetry(base, cap, Math.max(maxRounds, 0), true, false);
    }
}
