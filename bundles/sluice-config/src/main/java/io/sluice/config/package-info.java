/**
 * The OpenVPN 2.6 configuration language: reading configuration files and command lines into a
 * typed, immutable {@link io.sluice.config.OpenVpnConfig}, checking it, and writing it back.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.sluice.config.ConfigParser#parseFile}, {@link io.sluice.config.ConfigParser#parseCommandLine}
 *       and {@link io.sluice.config.ConfigParser#parseString} read a configuration. Parsing accepts every
 *       option OpenVPN 2.6 knows, so any profile can be imported, inspected and exported.</li>
 *   <li>{@link io.sluice.config.SupportCheck#check} refuses options Sluice does not implement yet.</li>
 *   <li>{@link io.sluice.config.ConfigWriter#write} writes a configuration back, optionally with its key
 *       files inlined for profile export.</li>
 *   <li>{@link io.sluice.config.ConfigException} reports every problem as one line,
 *       {@code file:line: option 'name': what is wrong}.</li>
 * </ul>
 *
 * <h2>Relative paths</h2>
 * As in OpenVPN, a relative path is relative to the working directory, not to the file that
 * names it. The caller passes that directory ({@code cwd}); the JVM's own directory is never
 * used or changed. {@code cd DIR} changes it for what follows: a {@code config} include is opened
 * at once, relative to the directory in effect at that line; keys, certificates and other files
 * are opened by OpenVPN only after all options are read, so they resolve against the directory
 * after the last {@code cd} ({@link io.sluice.config.OpenVpnConfig#workingDirectory()}), even when
 * they were named before it.
 *
 * <h2>Command-line merge</h2>
 * Options from argv and from {@code --config} files form one sequence in the order OpenVPN
 * processes them: argv left to right, each {@code --config FILE} replaced in place by the file's
 * options. For a single-valued option the last occurrence wins, so options after
 * {@code --config} override the file and options before it are overridden by it; multi-valued
 * options ({@code remote}, {@code route}, {@code push}, {@code pull-filter}, ...) accumulate.
 * {@link io.sluice.config.OpenVpnConfig#last} and {@link io.sluice.config.OpenVpnConfig#all}
 * expose exactly that rule.
 */
@Export
@Version("0.3.0")
package io.sluice.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
