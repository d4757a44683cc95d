/**
 * {@code bin/sluice} before the container exists: the JVM's main class.
 *
 * <p>It answers {@code --help} and {@code --version} at once, parses and checks the
 * configuration (a configuration error is one line and exit status 2, without booting
 * anything), gives the instance its own state directory, and then runs Karaf's {@code Main}
 * in this JVM with the launcher's container configuration ({@code etc-sluice/}).
 * Inside the container, {@code io.sluice.launcher.internal} takes over.
 *
 * <p>This package is on the JVM class path, never loaded by the OSGi framework.
 */
package io.sluice.launcher.boot;
