/**
 * {@code bin/sluice} as users run it: the unpacked distribution, started as a process (in
 * network namespaces where several run at once), judged by its output and exit status.
 */
package io.sluice.itests.launcher;
