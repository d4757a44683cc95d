/**
 * Integration tests of the bootstrapped PKI (sluice-core {@code io.sluice.core.pki}) with the real
 * tools: OpenSSL 3 verifies certificates and keys, Sluice's configuration parser and stock
 * OpenVPN 2.6 (in a namespace without links) read the client profile, and OpenVPN starts a
 * server with the server credentials.
 */
package io.sluice.itests.pki;
