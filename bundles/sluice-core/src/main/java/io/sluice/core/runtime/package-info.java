/**
 * From an OpenVPN configuration to a running instance: the mapping of the parsed options to
 * the engine's settings (with OpenVPN's defaults, and one-line errors naming the option), and
 * the Declarative Services component that offers the engine as a service, filling its
 * {@link io.sluice.core.engine.Platform} from whatever capability bundles are installed.
 */
package io.sluice.core.runtime;
