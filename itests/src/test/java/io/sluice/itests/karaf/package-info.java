/**
 * Pax Exam tests that boot the real distribution ({@code karaf-assembly}) and check that it
 * wires up: every Sluice bundle active, every component satisfied, capabilities that can be
 * uninstalled and installed again while the container runs.
 */
package io.sluice.itests.karaf;
