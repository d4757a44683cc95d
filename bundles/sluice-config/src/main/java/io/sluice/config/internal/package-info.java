/**
 * How Sluice reads, checks and writes OpenVPN 2.6 configuration text. Not exported: other bundles
 * use {@link io.sluice.config.ConfigParser}, {@link io.sluice.config.ConfigWriter} and
 * {@link io.sluice.config.SupportCheck}, so the tables and algorithms here can change freely.
 *
 * <ul>
 *   <li>{@link io.sluice.config.internal.LineTokenizer} splits one line into words as OpenVPN does.</li>
 *   <li>{@link io.sluice.config.internal.ConfigReader} reads files, inline blocks, {@code config}
 *       includes, {@code cd} and argv into an ordered list of option lines.</li>
 *   <li>{@link io.sluice.config.internal.OptionTable} knows every option OpenVPN 2.6 accepts, its
 *       argument counts and types, its deprecation status and whether Sluice implements it.</li>
 *   <li>{@link io.sluice.config.internal.ModelBuilder} turns lines into the typed model, expanding
 *       the {@code server}, {@code server-ipv6}, {@code server-bridge}, {@code client} and
 *       {@code keepalive} helpers; {@link io.sluice.config.internal.ConsistencyCheck} refuses
 *       contradictory combinations.</li>
 * </ul>
 */
package io.sluice.config.internal;
