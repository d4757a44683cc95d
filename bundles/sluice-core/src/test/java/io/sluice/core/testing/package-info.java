/** In-memory fakes shared by the engine's tests: a TUN device of queues, crypto providers without OSGi. */
package io.sluice.core.testing;
