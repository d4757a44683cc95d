package io.sluice.bench.lab;

import java.util.List;

/**
 * One table of the results file.
 *
 * @param heading its Markdown heading, also how {@code --check} finds it
 * @param transport the tunnel transport its samples were taken over
 * @param columns the pairings it compares, {@code reference} among them
 * @param reference what every other column is divided by
 */
record Section(String heading, Transport transport, List<Metric> metrics, List<Pairing> columns, Pairing reference) {
}
