package io.sluice.core.pool;

/**
 * A line of the {@code ifconfig-pool-persist} file that was ignored, or used only in part.
 *
 * @param line    its number, from 1
 * @param reason  what was wrong, for the server's log
 * @param applied whether the line still gave its common name a slot (say, by its IPv4 address
 *                while its IPv6 address was out of the pool)
 */
public record PersistProblem(int line, String reason, boolean applied) {
}
