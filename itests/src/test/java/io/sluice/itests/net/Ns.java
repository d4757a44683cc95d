package io.sluice.itests.net;

/**
 * A network namespace created by a {@link NetLab}.
 *
 * @param name the kernel-visible name ({@code ip netns list}), unique per JVM and run
 * @param role what the test calls it ("server", "client", "lan"), used in log file names
 */
public record Ns(String name, String role) {

    @Override
    public String toString() {
        return role + "(" + name + ")";
    }
}
