/**
 * JMH micro-benchmarks of the data path's pieces, on the real engine code and the real JDK cipher
 * provider, outside the container: sealing and opening data packets per cipher and packet size,
 * the replay window, and the control-packet codec.
 *
 * <p>Run with {@code bench/run --jmh [JMH options]}, e.g. {@code bench/run --jmh DataChannel -f 1}
 * (after {@code mvn install}); {@code bench/run --jmh -h} lists JMH's options.
 */
package io.sluice.bench.jmh;
