/**
 * The instance {@code bin/sluice} was started for, inside the container: reads the
 * arguments the boot launcher handed over, re-checks the configuration against the
 * capabilities actually installed, logs the start-up in OpenVPN's style and stops the JVM
 * with the right exit status.
 */
package io.sluice.launcher.internal;
